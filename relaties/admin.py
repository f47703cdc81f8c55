"""The rounds in the admin: their dates and who was invited and finished. What people answered
(RelatieAntwoord) is not in the admin: it is only ever shown as released totals."""

from django.contrib import admin

from relaties.models import BelangenDeelnemer, Belangenronde, Relatieronde, RondeDeelnemer

# The token is the personal link: never shown, never edited by hand.
DEELNEMER_VELDEN = ["naam", "email", "organisatie", "uitgenodigd_op", "herinneringen", "klaar_op"]


class RondeDeelnemerInline(admin.TabularInline):
    model = RondeDeelnemer
    fields = DEELNEMER_VELDEN
    readonly_fields = DEELNEMER_VELDEN
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class BelangenDeelnemerInline(RondeDeelnemerInline):
    model = BelangenDeelnemer


class RondeAdmin(admin.ModelAdmin):
    list_display = ["titel", "praktijk", "geopend_op", "sluit_op", "gesloten_op"]
    list_filter = ["praktijk"]
    search_fields = ["titel"]
    list_select_related = ["praktijk"]
    readonly_fields = ["praktijk", "geopend_op", "gesloten_op", "nu_herinnerd_op"]
    fields = ["praktijk", "titel", "geopend_op", "sluit_op", "gesloten_op", "nu_herinnerd_op"]


@admin.register(Relatieronde)
class RelatierondeAdmin(RondeAdmin):
    inlines = [RondeDeelnemerInline]


@admin.register(Belangenronde)
class BelangenrondeAdmin(RondeAdmin):
    inlines = [BelangenDeelnemerInline]
