from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    name = "reinstate.evidence"
    label = "evidence"

    def ready(self) -> None:
        # A case opened from screenshots of its notice keeps them as its first evidence.
        from reinstate.cases.notice_pictures import pictures_kept
        from reinstate.evidence.notice_pictures import keep_notice_pictures

        pictures_kept.connect(keep_notice_pictures, dispatch_uid="evidence.keep_notice_pictures")
