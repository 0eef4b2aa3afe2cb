"""Files that look like what they are not (issue 15): an SVG that mentions <gpx> in a comment
is not a GPS trace, and a web page that starts with the two bytes of an MP3 frame is not audio."""

from __future__ import annotations

import pytest

from reinstate.evidence.sniff import EvidenceFileError, sniff

FRAME = bytes([0xFF, 0xFB, 0x90, 0x00]) + bytes(413)  # MPEG-1 layer III, 128 kbit/s, 44.1 kHz


def test_an_svg_mentioning_gpx_in_a_comment_is_refused_as_markup() -> None:
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><!-- <gpx> --><script>alert(1)</script></svg>'
    with pytest.raises(EvidenceFileError, match="web page or other markup"):
        sniff(svg, "route.gpx")


def test_a_gps_trace_is_known_by_its_first_element() -> None:
    gpx = b'<?xml version="1.0"?>\n<!-- exported by Strava -->\n<gpx version="1.1"><trk/></gpx>'
    assert sniff(gpx, "route.gpx").label == "GPS trace"
    kml = b'<?xml version="1.0"?><kml:kml xmlns:kml="http://www.opengis.net/kml/2.2"/>'
    assert sniff(kml, "route.kml").label == "GPS trace"


def test_a_page_starting_like_an_mp3_frame_is_not_audio() -> None:
    page = b"\xff\xfb<html><body><script>alert(1)</script></body></html>" + b" " * 500
    with pytest.raises(EvidenceFileError):
        sniff(page, "song.mp3")


def test_mp3_frames_without_a_tag_are_audio() -> None:
    assert sniff(FRAME + FRAME + FRAME, "call.mp3").media_type == "audio/mpeg"
    assert sniff(b"ID3\x04\x00" + bytes(100), "call.mp3").family == "audio"
