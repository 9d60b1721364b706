"""Signing in with a username and password, as Django's ``ModelBackend`` does."""

from django.contrib.auth.backends import ModelBackend

from kinfolio.accounts.models import User


class UserWithWorkerBackend(ModelBackend):
    """Django's backend, reading the signed-in user with their worker record and its team
    in the same query: the user's scope (``people.selectors.children_visible_to``), their
    caseload and their team's pages all start from them, and read lazily they cost every
    such request two more queries."""

    def get_user(self, user_id):
        user = User.objects.select_related("worker__team").filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
