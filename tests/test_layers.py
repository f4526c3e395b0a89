"""geodata is pure: importing it must not pull in Streamlit or folium."""

import subprocess
import sys


def test_geodata_imports_neither_streamlit_nor_folium():
    code = (
        "import sys, geodata, geodata.__main__, geodata.export; "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'streamlit', 'folium'}); "
        "print(','.join(bad))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""
