from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import forms as auth_forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from .models import User
from .throttle import LoginThrottle


class SignUpForm(auth_forms.BaseUserCreationForm):
    class Meta:
        model = User
        fields = ("email", "name")
        widgets = {"email": forms.EmailInput(attrs={"autocomplete": "email"})}


class LockoutMixin:
    """Refuses log-ins after repeated failures (see throttle.py).

    For subclasses of Django's AuthenticationForm: the site's log-in form and the admin's.
    """

    too_many_attempts_message = (
        "Too many failed log-in attempts. Try again later, or reset your password."
    )

    def clean(self):
        email = self.cleaned_data.get("username")
        if email is None or not self.cleaned_data.get("password"):
            return super().clean()  # Nothing to check a password against: not an attempt.
        # Counted before the password is checked, so parallel guesses cannot slip past
        # the limit, and a locked-out attacker learns nothing about their guess.
        throttle = LoginThrottle.for_request(self.request, email)
        if not throttle.allow_attempt():
            raise ValidationError(self.too_many_attempts_message, code="too_many_attempts")
        cleaned_data = super().clean()
        throttle.reset()  # Reached only when the log-in is allowed.
        return cleaned_data

    @property
    def is_locked_out(self):
        return self.has_error(NON_FIELD_ERRORS, "too_many_attempts")


class LoginForm(LockoutMixin, auth_forms.AuthenticationForm):
    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].widget = forms.EmailInput(
            attrs={"autofocus": True, "autocomplete": "email"}
        )


class AdminLoginForm(LockoutMixin, AdminAuthenticationForm):
    pass


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ("name",)


class AdminUserCreationForm(auth_forms.AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email", "name")


class AdminUserChangeForm(auth_forms.UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"
