"""Accounts with Flask-Login: register, log in, log out, and a page only for members."""

from flask import Blueprint

bp = Blueprint("auth", __name__)

from . import views  # noqa: E402, F401  (registers the routes on bp)
