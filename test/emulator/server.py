"""The project's AWS emulator: the moto server, started on a loopback port.

moto stands in for EC2, KMS, IAM, STS, Organizations, Config and S3 over real HTTP.
Where moto lacks a behaviour the project's tests need, the extensions below add it
(each one documented where it is defined). Nothing here is shipped.

Usage: server.py PORT
"""

import sys

from moto.server import ThreadedMotoServer

import extensions  # noqa: F401  (patches moto on import)


def main() -> None:
    port = int(sys.argv[1])
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    print(f"emulator listening on 127.0.0.1:{port}", flush=True)
    try:
        server._thread.join()  # type: ignore[attr-defined]
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()


if __name__ == "__main__":
    main()
