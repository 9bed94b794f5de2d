from wtforms import BooleanField, PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length, Regexp, ValidationError

from ..forms import BaseForm
from ..models import find_user


class RegisterForm(BaseForm):
    TAKEN = "That username is taken."

    username = StringField(
        "Username",
        validators=[
            DataRequired(),
            Length(min=3, max=64),
            Regexp(r"^[A-Za-z0-9_.-]+$", message="Use letters, digits, '.', '_' or '-'."),
        ],
    )
    password = PasswordField("Password", validators=[DataRequired(), Length(min=8, max=128)])
    confirm = PasswordField(
        "Repeat password", validators=[DataRequired(), EqualTo("password", "Passwords differ.")]
    )

    def validate_username(self, field: StringField) -> None:
        # Regardless of case: "Alice" is taken once "alice" registered.
        if find_user(field.data) is not None:
            raise ValidationError(self.TAKEN)


class LoginForm(BaseForm):
    username = StringField("Username", validators=[DataRequired()])
    password = PasswordField("Password", validators=[DataRequired()])
    remember = BooleanField("Keep me logged in")
