from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from netwerk.models import (
    Afspraak,
    Deelname,
    DeelnameWijziging,
    Levensdomein,
    Organisatie,
    Persoon,
    Uitnodiging,
    User,
)


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "name", "is_staff", "is_active", "last_login"]
    search_fields = ["email", "name"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Personal info"), {"fields": ("name",)}),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)


@admin.register(Uitnodiging)
class UitnodigingAdmin(admin.ModelAdmin):
    list_display = ["email", "praktijk", "rol", "verloopt_op", "verstuurd_op", "gebruikt_op"]
    list_filter = ["praktijk", "rol"]
    search_fields = ["email", "naam"]
    list_select_related = ["praktijk"]
    # The token is the key to the practice: never shown, never edited by hand.
    exclude = ["token"]
    readonly_fields = ["uitgenodigd_door", "verstuurd_op", "gebruikt_op", "created_at"]

    def has_add_permission(self, request) -> bool:
        # Invitations are made on the practice's Members page, which also sends the email.
        return False


class PersoonInline(admin.TabularInline):
    model = Persoon
    extra = 0
    fields = ["naam", "functie", "telefoon", "email", "is_contactpersoon", "bevestigd_op"]


@admin.register(Organisatie)
class OrganisatieAdmin(admin.ModelAdmin):
    list_display = [
        "naam",
        "eigenaar",
        "soort",
        "plaats",
        "bron",
        "bevestigd_op",
        "bevestiging_gevraagd_op",
    ]
    list_filter = ["eigenaar", "soort", "levensdomeinen"]
    list_select_related = ["eigenaar", "bron"]
    search_fields = ["naam", "plaats", "wijken"]
    filter_horizontal = ["levensdomeinen"]
    readonly_fields = ["bevestiging_gevraagd_op", "created_at", "updated_at"]
    raw_id_fields = ["bron"]
    inlines = [PersoonInline]


@admin.register(Persoon)
class PersoonAdmin(admin.ModelAdmin):
    list_display = ["naam", "functie", "organisatie", "is_contactpersoon", "bevestigd_op"]
    list_filter = ["organisatie__eigenaar", "is_contactpersoon", "organisatie__soort"]
    search_fields = ["naam", "functie", "email", "organisatie__naam", "expertise"]
    list_select_related = ["organisatie"]
    raw_id_fields = ["organisatie", "user"]


class DeelnameWijzigingInline(admin.TabularInline):
    model = DeelnameWijziging
    extra = 0
    fields = ["op", "van_groep", "naar_groep", "door"]
    readonly_fields = ["op", "van_groep", "naar_groep", "door"]
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Deelname)
class DeelnameAdmin(admin.ModelAdmin):
    list_display = ["organisatie", "praktijk", "groep"]
    list_filter = ["praktijk", "groep"]
    search_fields = ["organisatie__naam", "praktijk__naam"]
    list_select_related = ["organisatie", "praktijk"]
    raw_id_fields = ["organisatie"]
    inlines = [DeelnameWijzigingInline]


@admin.register(Afspraak)
class AfspraakAdmin(admin.ModelAdmin):
    list_display = ["praktijk", "onderwerp", "wie"]
    list_filter = ["praktijk", "onderwerp"]
    search_fields = ["afspraak", "wie"]


@admin.register(Levensdomein)
class LevensdomeinAdmin(admin.ModelAdmin):
    list_display = ["code"]
