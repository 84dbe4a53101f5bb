"""Run the app under uvicorn with the limits of a :class:`ServeConfig`."""

from __future__ import annotations

import logging

import uvicorn

from storydesk.api.app import app_for
from storydesk.api.config import ServeConfig, is_loopback

log = logging.getLogger(__name__)

# Connections served at once before uvicorn answers 503; well above the load check's 50 clients.
MAX_CONNECTIONS = 200
# Seconds an idle keep-alive connection is held open.
KEEP_ALIVE_S = 5
# Largest request head (request line and headers) h11 buffers, in bytes.
MAX_HEAD_BYTES = 64 * 1024


def serve(config: ServeConfig) -> None:
    """Check the configuration (refusing an exposed address without a token) and serve until stopped."""
    config.check()
    app = app_for(config)
    if not is_loopback(config.host):
        log.warning("serving on %s: reachable from other machines; writes need STORYDESK_TOKEN", config.host)
    if config.allow_private:
        log.warning("--allow-private: URLs on loopback and private networks will be fetched")
    uvicorn.run(
        app,
        host=config.host,
        port=config.port,
        limit_concurrency=MAX_CONNECTIONS,
        timeout_keep_alive=KEEP_ALIVE_S,
        h11_max_incomplete_event_size=MAX_HEAD_BYTES,
        server_header=False,
        proxy_headers=False,
        log_level="info",
    )
