from django.contrib import admin

from praktijken.models import (
    Bijeenkomst,
    Gebeurtenis,
    Lidmaatschap,
    Ontwerpvraag,
    Praktijk,
    Programma,
    ProgrammaTeamlid,
    Verhaal,
)


class ProgrammaTeamlidInline(admin.TabularInline):
    model = ProgrammaTeamlid
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Programma)
class ProgrammaAdmin(admin.ModelAdmin):
    list_display = ["naam", "slug", "created_at"]
    search_fields = ["naam"]
    prepopulated_fields = {"slug": ["naam"]}
    inlines = [ProgrammaTeamlidInline]


@admin.register(Praktijk)
class PraktijkAdmin(admin.ModelAdmin):
    list_display = ["naam", "gemeente", "programma", "status", "startdatum", "einddatum"]
    list_filter = ["status", "programma"]
    list_select_related = ["programma"]
    search_fields = ["naam", "gemeente", "kernthema"]
    prepopulated_fields = {"slug": ["naam"]}


@admin.register(Bijeenkomst)
class BijeenkomstAdmin(admin.ModelAdmin):
    list_display = ["titel", "praktijk", "soort", "begint_op", "planner", "notulist"]
    list_filter = ["praktijk", "soort"]
    search_fields = ["titel", "locatie", "agenda"]
    date_hierarchy = "begint_op"
    list_select_related = ["praktijk"]


@admin.register(Ontwerpvraag)
class OntwerpvraagAdmin(admin.ModelAdmin):
    list_display = ["vraag", "praktijk", "volgorde"]
    list_filter = ["praktijk"]
    search_fields = ["vraag", "toelichting"]
    list_select_related = ["praktijk"]


@admin.register(Verhaal)
class VerhaalAdmin(admin.ModelAdmin):
    list_display = ["titel", "praktijk", "verteller", "ontwerpvraag", "created_at"]
    list_filter = ["praktijk"]
    search_fields = ["titel", "wat_werkte", "verteller"]
    list_select_related = ["praktijk", "ontwerpvraag"]
    raw_id_fields = ["ontwerpvraag", "created_by"]


@admin.register(Lidmaatschap)
class LidmaatschapAdmin(admin.ModelAdmin):
    list_display = ["user", "praktijk", "rol", "created_at"]
    list_filter = ["praktijk", "rol"]
    search_fields = ["user__email", "user__name"]
    list_select_related = ["user", "praktijk"]
    autocomplete_fields = ["user"]


@admin.register(Gebeurtenis)
class GebeurtenisAdmin(admin.ModelAdmin):
    """The audit trail: read only, as it is evidence of who did what."""

    list_display = ["created_at", "praktijk", "door", "actie", "omschrijving"]
    list_filter = ["praktijk", "actie"]
    search_fields = ["omschrijving", "door__email", "actie"]
    list_select_related = ["praktijk", "door"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
