"""The common layer's one table: mails being handed to the mail server (config.mail.mail_once)."""

from django.db import models


class Verzending(models.Model):
    """A mail that is being sent: claimed in its own transaction before the mail server is asked.

    The row lives only while sending (and after a worker died in the middle); whether a mail went
    out is recorded on its object (a participant's `samenvatting_op`, an invitation's
    `verstuurd_op`, …). `soort` names the kind of mail, `sleutel` the object's id.
    """

    soort = models.CharField(max_length=40)
    sleutel = models.PositiveBigIntegerField()
    bezig_sinds = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["soort", "sleutel"], name="verzending_uniek"),
        ]

    def __str__(self) -> str:
        return f"{self.soort} {self.sleutel}"
