from django.urls import path

from reinstate.appeals import (
    guided,
    guided_views,
    options_views,
    protective_views,
    sent_views,
    views,
)

app_name = "appeals"

urlpatterns = [
    path("", views.appeal_page, name="detail"),
    # The guided path: a page for each part (appeals/guided.py).
    *(
        path(f"step/{key}", guided_views.step_page, {"key": key}, name=f"step_{key}")
        for key in guided.PAGES
        if key != "check"
    ),
    path("step/<str:key>/autosave", guided_views.step_autosave, name="step_autosave"),
    path("check", guided_views.check, name="check"),
    path("explanation", views.save_explanation, name="explanation"),
    path("statements", views.add_statement, name="add_statement"),
    path("statements/<int:statement_id>/remove", views.remove_statement, name="remove_statement"),
    path("plan", views.save_plan, name="plan"),
    path("actions", views.add_action, name="add_action"),
    path("actions/<int:action_id>/remove", views.remove_action, name="remove_action"),
    path("autosave/<str:section>", views.autosave, name="autosave"),
    path("record", views.save_record, name="record"),
    path("letter/draft", views.draft_letter, name="draft_letter"),
    path("letter", views.save_letter, name="save_letter"),
    path("letter/language", views.set_letter_language, name="letter_language"),
    path("letter/<int:number>", views.letter_version, name="letter"),
    path("letter/<int:number>/approve", views.approve_letter, name="approve_letter"),
    path("packet", views.build_packet, name="build_packet"),
    path("packet/<int:packet_id>/status", views.packet_status, name="packet_status"),
    path("packet/<int:packet_id>/download", views.packet_download, name="packet_download"),
    path("sent", sent_views.mark_sent, name="mark_sent"),
    path("decision", sent_views.record_decision, name="record_decision"),
    path("protective", protective_views.protective_page, name="protective"),
    path("options", options_views.options_page, name="options"),
    path("options/<str:key>", options_views.option_draft_page, name="option_draft"),
    path("options/<str:key>/sent", options_views.mark_request_sent, name="option_sent"),
]
