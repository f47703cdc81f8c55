from django.contrib import admin

from mantelzorg.models import MantelzorgFormulier, Reactie

# Carers' feedback. Contact details are left out of the admin on purpose:
# facilitators handle them in the inbox, where they can also remove them.


@admin.register(MantelzorgFormulier)
class MantelzorgFormulierAdmin(admin.ModelAdmin):
    list_display = ["praktijk", "is_open", "updated_at"]
    list_filter = ["is_open"]
    list_select_related = ["praktijk"]
    raw_id_fields = ["praktijk"]


@admin.register(Reactie)
class ReactieAdmin(admin.ModelAdmin):
    """Feedback without contact details; handling happens in the facilitators' inbox."""

    list_display = [
        "created_at",
        "praktijk",
        "status",
        "keer_verteld",
        "deelbaar",
        "genotificeerd_op",
    ]
    list_filter = ["status", "deelbaar", "gedeeld_met_leden", "praktijk"]
    list_select_related = ["praktijk"]
    date_hierarchy = "created_at"
    fields = [
        "praktijk",
        "created_at",
        "wat_gaat_goed",
        "meer_van",
        "kan_beter",
        "keer_verteld",
        "experiment",
        "relatie",
        "status",
        "doorgegeven_aan",
        "deelbaar",
        "gedeeld_met_leden",
        "contact_bewaren_tot",
        "contact_verwijderd_op",
        "genotificeerd_op",
    ]
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False
