// Uploads each chosen file in its own request, with a progress bar per file. Without this
// script the form still posts every file at once.
(function () {
  "use strict";
  var form = document.getElementById("add-form");
  if (!form || !window.FormData || !window.XMLHttpRequest) return;
  var list = document.getElementById("upload-progress");
  var input = form.querySelector("input[type=file]");
  // The words come from the page, in the reader's language (data- attributes of the form).
  var words = form.dataset;

  function row(name) {
    var li = document.createElement("li");
    var label = document.createElement("span");
    label.textContent = name;
    var bar = document.createElement("progress");
    bar.max = 100; bar.value = 0;
    bar.setAttribute("aria-label", words.uploading + " " + name);
    var status = document.createElement("span");
    status.className = "status";
    li.append(label, bar, status);
    list.append(li);
    return { li: li, bar: bar, status: status };
  }

  function send(file, ui) {
    return new Promise(function (resolve) {
      var data = new FormData(form);
      data.delete(input.name);
      data.append(input.name, file, file.name);
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.action);
      xhr.setRequestHeader("Accept", "application/json");
      xhr.upload.onprogress = function (event) {
        if (event.lengthComputable) ui.bar.value = Math.round((event.loaded / event.total) * 100);
      };
      xhr.onload = function () {
        var body = {};
        try { body = JSON.parse(xhr.responseText); } catch (e) { body = { problems: [words.unexpected] }; }
        ui.bar.value = 100;
        var problems = body.problems || [];
        ui.status.textContent = " " + (problems.length ? problems.join(" ") : (body.added || []).join(" "));
        if (problems.length) ui.status.className = "status problem";
        resolve(!problems.length);
      };
      xhr.onerror = function () {
        ui.status.textContent = " " + words.stopped;
        ui.status.className = "status problem";
        resolve(false);
      };
      xhr.send(data);
    });
  }

  form.addEventListener("submit", function (event) {
    if (!input.files || !input.files.length) return;  // let the server say what is missing
    event.preventDefault();
    var files = Array.prototype.slice.call(input.files);
    var button = form.querySelector("button[type=submit]");
    button.disabled = true;
    list.textContent = "";
    var allWell = true;
    files.reduce(function (previous, file) {
      return previous.then(function () {
        return send(file, row(file.name)).then(function (ok) { allWell = allWell && ok; });
      });
    }, Promise.resolve()).then(function () {
      button.disabled = false;
      if (allWell) { window.location.reload(); }
      else {
        var again = document.createElement("li");
        var link = document.createElement("a");
        link.href = window.location.pathname; link.textContent = words.showLocker;
        again.append(link); list.append(again);
      }
    });
  });
})();
