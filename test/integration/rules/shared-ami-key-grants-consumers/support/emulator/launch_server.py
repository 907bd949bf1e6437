"""The project's emulator with the launch rules' moto patch. Usage: launch_server.py PORT

The project's extensions (test/emulator) model AMI snapshots, snapshot keys and AWS managed keys;
older checkouts kept those patches with the inventory tests, so they are imported from there when
the project's extensions do not carry them yet.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", "..", "..", "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "test", "emulator"))
sys.path.insert(0, os.path.join(ROOT, "test", "integration", "inventory", "emulator"))
sys.path.insert(0, HERE)

import server as project_server  # noqa: E402  (imports the project's extensions)

if not os.path.exists(os.path.join(ROOT, "test", "emulator", "ec2_kms_extensions.py")):
    import inventory_extensions  # noqa: F401  (patches moto on import)

import launch_extensions  # noqa: E402,F401  (patches moto on import)

if __name__ == "__main__":
    project_server.main()
