from django.contrib import admin

from experimenten.models import Experiment, Opbrengst, Tussenstap


class TussenstapInline(admin.TabularInline):
    model = Tussenstap
    extra = 0
    fields = ["datum", "wat", "wie", "created_by"]
    raw_id_fields = ["created_by"]


class OpbrengstInline(admin.TabularInline):
    model = Opbrengst
    extra = 0
    fields = ["soort", "beschrijving"]


@admin.register(Experiment)
class ExperimentAdmin(admin.ModelAdmin):
    list_display = ["titel", "praktijk", "ontwerpvraag", "niveau", "fase", "status", "eigenaar"]
    list_filter = ["praktijk", "niveau", "fase", "status"]
    search_fields = ["titel", "doel", "resultaat", "lessen", "tip"]
    list_select_related = ["praktijk", "ontwerpvraag", "eigenaar"]
    # Raw ids: the related lists span every practice, and the admin is for the programme team.
    raw_id_fields = ["ontwerpvraag", "eigenaar", "organisaties", "verhalen"]
    inlines = [TussenstapInline, OpbrengstInline]
