from django.contrib import admin

from condities.models import (
    ConditieScore,
    Inbreng,
    OpenVraag,
    Sessie,
    Stelling,
    Stellingenset,
)


def _in_gebruik(obj: Stellingenset | None) -> bool:
    return obj is not None and obj.pk is not None and obj.sessies.exists()


class _SetInline(admin.TabularInline):
    extra = 0

    # A set that sessions used is never changed under their results: copy it in the app instead.
    def has_add_permission(self, request, obj=None) -> bool:
        return not _in_gebruik(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None) -> bool:
        return not _in_gebruik(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return not _in_gebruik(obj) and super().has_delete_permission(request, obj)


class StellingInline(_SetInline):
    model = Stelling
    fields = ["conditie", "tekst", "volgorde"]


class OpenVraagInline(_SetInline):
    model = OpenVraag
    fields = ["conditie", "soort", "tekst"]


@admin.register(Stellingenset)
class StellingensetAdmin(admin.ModelAdmin):
    list_display = ["naam", "versie", "praktijk", "is_actueel", "created_at"]
    list_filter = ["is_actueel", "praktijk"]
    search_fields = ["naam"]
    list_select_related = ["praktijk"]
    raw_id_fields = ["praktijk", "vorige_versie"]
    inlines = [StellingInline, OpenVraagInline]

    def get_readonly_fields(self, request, obj=None):
        if _in_gebruik(obj):
            return ["praktijk", "naam", "versie", "vorige_versie"]
        return []


@admin.register(Sessie)
class SessieAdmin(admin.ModelAdmin):
    """Sessions without their participants or answers: those are never shown per person."""

    list_display = ["titel", "praktijk", "soort", "datum", "modus", "status"]
    list_filter = ["soort", "status", "modus", "praktijk"]
    search_fields = ["titel"]
    date_hierarchy = "datum"
    list_select_related = ["praktijk"]
    raw_id_fields = ["praktijk", "stellingenset", "stellingen", "created_by"]
    # Opening and closing go through the app (services), which also writes the scores.
    readonly_fields = ["status", "code", "onthuld", "geopend_op", "gesloten_op", "created_at"]


@admin.register(ConditieScore)
class ConditieScoreAdmin(admin.ModelAdmin):
    """Scores are written when a session closes; the admin only shows them."""

    list_display = ["sessie", "praktijk", "datum", "bron", "conditie", "groep", "gemiddelde"]
    list_filter = ["bron", "conditie", "groep", "praktijk"]
    list_select_related = ["sessie", "praktijk"]
    date_hierarchy = "datum"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Inbreng)
class InbrengAdmin(admin.ModelAdmin):
    """Open answers from the room: anonymous; approving, merging and votes go through the app."""

    list_display = ["tekst", "sessie", "conditie", "soort", "status", "stemmen"]
    list_filter = ["status", "conditie", "soort"]
    search_fields = ["tekst"]
    list_select_related = ["sessie"]
    raw_id_fields = ["sessie", "samengevoegd_met", "actie"]
    readonly_fields = ["stemmen", "keer_genoemd", "samengevoegd_met", "actie"]

    def has_add_permission(self, request) -> bool:
        return False
