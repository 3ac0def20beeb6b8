"""Renderers read reports and present them; they never decide a verdict."""
