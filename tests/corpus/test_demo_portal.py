"""The bundled sample portal (corpus.demo) as a local HTTP server."""
from partyfacts.corpus.demo import load_articles, serve_portal


def test_sample_portal_is_quiet_when_a_client_hangs_up(capfd, caplog):
    portal = serve_portal(load_articles()[:1])
    try:
        try:
            raise BrokenPipeError(32, "Broken pipe")
        except BrokenPipeError:
            portal.server.handle_error(None, ("127.0.0.1", 1))
        try:
            raise RuntimeError("template broke")
        except RuntimeError:
            portal.server.handle_error(None, ("127.0.0.1", 2))
    finally:
        portal.close()
    assert "Exception occurred" not in capfd.readouterr().err
    assert [r.getMessage() for r in caplog.records if r.levelname == "ERROR"] == \
        ["sample portal: request from ('127.0.0.1', 2) failed"]
