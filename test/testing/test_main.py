"""``python -m swagger_client.testing``: the command line refuses bad settings before serving."""

from __future__ import annotations

import pytest

from swagger_client.testing.__main__ import main


def test_an_unknown_or_ill_typed_setting_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as unknown:
        main(["--port", "0", "--setting", "no_such_setting=1"])
    assert unknown.value.code != 0
    with pytest.raises(SystemExit) as ill_typed:
        main(["--port", "0", "--setting", "max_password_attempts=many"])
    assert ill_typed.value.code != 0
    assert "no_such_setting" in capsys.readouterr().err
