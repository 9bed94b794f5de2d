from urllib.parse import urlsplit

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..models import User, authenticate
from . import bp, throttle
from .forms import LoginForm, RegisterForm


def safe_next_url() -> str | None:
    """The ?next= page to return to after logging in, only if it is on this site."""
    target = request.args.get("next", "")
    parts = urlsplit(target)
    # "//host" and "/\host" are other sites to a browser.
    if target.startswith("/") and not target.startswith(("//", "/\\")) and not parts.netloc:
        return target
    return None


@bp.route("/register", methods=["GET", "POST"])
def register():
    if current_user.is_authenticated:
        return redirect(url_for("auth.account"))
    form = RegisterForm()
    if form.validate_on_submit():
        user = User(username=form.username.data)
        user.set_password(form.password.data)
        db.session.add(user)
        try:
            db.session.commit()
        except IntegrityError:
            # Another registration took the name (in any case) after the form's check.
            db.session.rollback()
            form.username.errors.append(form.TAKEN)
        else:
            flash("Your account is ready. Log in to continue.", "success")
            return redirect(url_for("auth.login"))
    return render_template("auth/register.html", form=form)


@bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("auth.account"))
    form = LoginForm()
    if form.validate_on_submit():
        username = form.username.data
        if not throttle.count_attempt(username):
            # Refused before the password is even checked, right or wrong.
            error = "Too many failed log-ins. Wait a while, then try again."
            headers = {"Retry-After": str(throttle.lockout_seconds())}
            return render_template("auth/login.html", form=form, error=error), 429, headers
        user = authenticate(username, form.password.data)
        if user is not None:
            throttle.forget_attempts(username)
            login_user(user, remember=form.remember.data)
            flash(f"Welcome back, {user.username}.", "success")
            return redirect(safe_next_url() or url_for("auth.account"))
        flash("Wrong username or password.", "error")
    return render_template("auth/login.html", form=form)


@bp.post("/logout")
def logout():
    logout_user()
    flash("You are logged out.", "info")
    return redirect(url_for("main.index"))


@bp.get("/account")
@login_required
def account():
    return render_template("auth/account.html", user=current_user)
