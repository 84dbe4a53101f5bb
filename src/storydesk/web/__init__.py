"""The web pages of ``storydesk serve``: server-rendered templates, one CSS file, a little JavaScript.

Report text is untrusted. Templates are autoescaped (every template, whatever its name), no
template marks report text safe, and the pages are served with a Content-Security-Policy that
forbids inline scripts.
"""
