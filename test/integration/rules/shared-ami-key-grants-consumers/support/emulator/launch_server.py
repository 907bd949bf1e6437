"""The project's emulator with the inventory tests' and the launch rules' moto patches. Usage: launch_server.py PORT"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..", "..", "..", "..", "..")
sys.path.insert(0, os.path.join(ROOT, "test", "emulator"))
sys.path.insert(0, os.path.join(ROOT, "test", "integration", "inventory", "emulator"))
sys.path.insert(0, HERE)

import inventory_extensions  # noqa: E402,F401  (patches moto on import)
import launch_extensions  # noqa: E402,F401  (patches moto on import)
import server as project_server  # noqa: E402  (imports the project's extensions)

if __name__ == "__main__":
    project_server.main()
