from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import UserChangeForm

from accounts.roles import check_separation

User = get_user_model()


class SeparatedRolesForm(UserChangeForm):
    def clean_groups(self):
        groups = self.cleaned_data.get("groups")
        if groups is not None:
            check_separation({group.name for group in groups})
        return groups


admin.site.unregister(User)


@admin.register(User)
class SeparatedUserAdmin(UserAdmin):
    """The user admin, refusing to give one account two of the three administrator roles."""

    form = SeparatedRolesForm
