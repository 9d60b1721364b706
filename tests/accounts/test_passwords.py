from django.conf import settings as project_settings

from kinfolio.settings import PASSWORD_HASHERS


def test_passwords_are_hashed_with_argon2_by_default():
    # Read from the settings module itself: the test suite swaps in a fast hasher.
    assert PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    assert project_settings.AUTH_USER_MODEL == "accounts.User"
