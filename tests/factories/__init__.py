from tests.factories.netwerk import UserFactory

__all__ = ["UserFactory"]
