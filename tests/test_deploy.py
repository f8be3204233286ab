"""deploy/: the nginx config rendered for given app processes (websocket, affinity, gzip, immutable caching,
health, embeds), accepted by Debian's nginx, and the bench's CPU reading."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from bench.readers import cpu_seconds
from deploy.nginx import NGINX, prepare, render

APPS = ["127.0.0.1:8501", "127.0.0.1:8502"]


def test_the_config_names_every_process_and_what_streamlit_needs(tmp_path):
    text = render(APPS, "127.0.0.1:8080", tmp_path, tmp_path / "embeds")
    for app in APPS:
        assert f"server {app} max_fails=1" in text
    assert "listen 127.0.0.1:8080;" in text and f"pid {tmp_path}/nginx.pid;" in text
    stream = text[text.index("location = /_stcore/stream"):]
    assert "proxy_set_header Upgrade $http_upgrade;" in stream.split("}")[0]
    assert "hash $atlas_route consistent;" in text and "atlas_route=$request_id" in text
    assert "gzip on;" in text and "application/geo+json" in text
    immutable = text[text.index("location ~ ^/(assets|boundaries)/"):]
    assert 'max-age=31536000, immutable' in immutable.split("}")[0]
    assert "location = /_stcore/health" in text
    assert f"alias {tmp_path / 'embeds'}/static/;" in text and "gzip_static on;" in text
    assert "X-Upstream" not in text and "%%" not in text
    assert "X-Upstream" in render(APPS, "127.0.0.1:8080", tmp_path, debug_upstream=True)


def test_the_config_needs_at_least_one_process(tmp_path):
    with pytest.raises(ValueError):
        render([], "127.0.0.1:8080", tmp_path)


@pytest.mark.slow
def test_debians_nginx_accepts_the_rendered_config(tmp_path):
    nginx = shutil.which("nginx") or NGINX
    prepare(tmp_path)
    (tmp_path / "nginx.conf").write_text(render(APPS, "127.0.0.1:8080", tmp_path, tmp_path / "embeds",
                                                user="root" if os.geteuid() == 0 else None))
    check = subprocess.run([nginx, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stderr


def test_cpu_seconds_reads_a_process_and_grows_with_work():
    before = cpu_seconds(os.getpid())
    sum(i * i for i in range(3_000_000))
    assert cpu_seconds(os.getpid()) > before
