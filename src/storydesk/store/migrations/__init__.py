"""Alembic migrations of the desk, shipped inside the package so an installed storydesk can
migrate its own database (``storydesk.store.migrate.upgrade``)."""
