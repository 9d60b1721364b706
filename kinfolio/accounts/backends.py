"""Signing in with a username and password, as Django's ``ModelBackend`` does."""

from django.contrib.auth.backends import ModelBackend

from kinfolio.accounts.models import User


class UserWithWorkerBackend(ModelBackend):
    """Django's backend, reading the signed-in user with their worker record and its team
    in the same query: the user's scope (``people.selectors.children_visible_to``), their
    caseload and their team's pages all start from them, and read lazily they cost every
    such request two more queries (the join costs a page that needs neither ~0.5 ms)."""

    def get_user(self, user_id):
        try:
            user = User.objects.select_related("worker__team").get(pk=user_id)
        except User.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
