#!/usr/bin/env python3
"""A local RFC 3161 time-stamp authority for footage's tests, on 127.0.0.1.

    tsa_server.py FOLDER

makes, in FOLDER, a test CA and two signer certificates with openssl (one for time-stamping, extendedKeyUsage
critical,timeStamping; one for code signing only), then serves until killed and prints its port on the first line
of stdout. Each path is an authority that behaves one way:

    /good          answers as `openssl ts -reply` does (an ECDSA P-256 signer)
    /rsa           the same with an RSA signer (its SignerInfo names rsaEncryption and the digest apart)
    /nopurpose     a token whose signer's certificate lacks the timeStamping purpose (openssl ts refuses to sign
                   with one, so the token is made with `openssl cms -sign`)
    /garbage       random bytes
    /reject        a TimeStampResp with status rejection
    /slow          waits 20 s, then answers as /good
    /otherimprint  signs another hash than the one asked for, with the request's nonce
    /huge          an endless answer
"""
import http.server
import os
import signal
import subprocess
import sys
import tempfile
import time

FOLDER = os.path.abspath(sys.argv[1])


def openssl(*args, stdin=None):
    return subprocess.run(["openssl", *args], check=True, capture_output=True, input=stdin).stdout


def path(name):
    return os.path.join(FOLDER, name)


def make_certificates():
    if os.path.exists(path("tsa.pem")):
        return
    with open(path("ext.cnf"), "w") as f:
        f.write(
            "[ca]\nbasicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n"
            "subjectKeyIdentifier=hash\n"
            "[tsa]\nbasicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n"
            "extendedKeyUsage=critical,timeStamping\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n"
            "[code]\nbasicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n"
            "extendedKeyUsage=codeSigning\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n"
        )
    openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
            path("ca.key"), "-out", path("ca.pem"), "-days", "3650", "-subj", "/CN=footage test CA",
            "-extensions", "ca", "-config", path("ext.cnf"))
    for serial, (name, section, key) in enumerate(
            (("tsa", "tsa", ["ec", "-pkeyopt", "ec_paramgen_curve:P-256"]), ("code", "code", ["ec", "-pkeyopt",
             "ec_paramgen_curve:P-256"]), ("rsa", "tsa", ["rsa:2048"])), start=2):
        openssl("req", "-newkey", *key, "-nodes", "-keyout", path(name + ".key"), "-out", path(name + ".csr"),
                "-subj", "/CN=footage test " + name)
        openssl("x509", "-req", "-in", path(name + ".csr"), "-CA", path("ca.pem"), "-CAkey", path("ca.key"),
                "-set_serial", str(serial), "-days", "3650", "-out", path(name + ".pem"),
                "-extfile", path("ext.cnf"), "-extensions", section)
    with open(path("serial"), "w") as f:
        f.write("01\n")
    for name in ("tsa", "rsa"):
        with open(path(name + ".cnf"), "w") as f:
            f.write(
                "[tsa]\ndefault_tsa = tsa_config\n[tsa_config]\n"
                f"serial = {path('serial')}\ncrypto_device = builtin\nsigner_cert = {path(name + '.pem')}\n"
                f"certs = {path('ca.pem')}\nsigner_key = {path(name + '.key')}\nsigner_digest = sha256\n"
                "default_policy = 1.3.6.1.4.1.99999.1\nother_policies = 1.3.6.1.4.1.99999.2\n"
                "digests = sha256, sha384, sha512\naccuracy = secs:1\nordering = no\ntsa_name = yes\n"
                "ess_cert_id_chain = no\ness_cert_id_alg = sha256\n"
            )


def reply(query, config="tsa.cnf"):
    with tempfile.TemporaryDirectory(dir=FOLDER) as work:
        with open(os.path.join(work, "q.tsq"), "wb") as f:
            f.write(query)
        openssl("ts", "-reply", "-config", path(config), "-queryfile", os.path.join(work, "q.tsq"),
                "-out", os.path.join(work, "r.tsr"))
        with open(os.path.join(work, "r.tsr"), "rb") as f:
            return f.read()


def token_without_purpose(query):
    """A good token's TSTInfo, signed again with the code-signing certificate."""
    with tempfile.TemporaryDirectory(dir=FOLDER) as work:
        files = {name: os.path.join(work, name) for name in ("q.tsq", "t.tst", "info.der", "bad.tst", "r.tsr")}
        with open(files["q.tsq"], "wb") as f:
            f.write(query)
        openssl("ts", "-reply", "-config", path("tsa.cnf"), "-queryfile", files["q.tsq"], "-token_out",
                "-out", files["t.tst"])
        openssl("cms", "-verify", "-noverify", "-inform", "DER", "-in", files["t.tst"], "-binary", "-out",
                files["info.der"])
        openssl("cms", "-sign", "-binary", "-nodetach", "-nosmimecap", "-md", "sha256", "-econtent_type",
                "1.2.840.113549.1.9.16.1.4", "-in", files["info.der"], "-signer", path("code.pem"), "-inkey",
                path("code.key"), "-outform", "DER", "-out", files["bad.tst"])
        openssl("ts", "-reply", "-in", files["bad.tst"], "-token_in", "-out", files["r.tsr"])
        with open(files["r.tsr"], "rb") as f:
            return f.read()


def other_imprint(query):
    """The query with one byte of its SHA-256 changed: same nonce, another hash."""
    marker = bytes.fromhex("0420")
    oid = bytes.fromhex("608648016503040201")
    start = query.index(marker, query.index(oid)) + len(marker)
    changed = bytearray(query)
    changed[start] ^= 0xFF
    return reply(bytes(changed))


def rejection():
    text = "footage test: refused".encode()
    status_string = b"\x30" + bytes([len(text) + 2]) + b"\x0c" + bytes([len(text)]) + text
    fail_info = bytes.fromhex("0303000001")  # bit 15, unacceptedPolicy
    info = b"\x02\x01\x02" + status_string + fail_info
    status = b"\x30" + bytes([len(info)]) + info
    return b"\x30" + bytes([len(status)]) + status


class Authority(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        query = self.rfile.read(min(length, 65536))
        mode = self.path.strip("/")
        if mode == "huge":
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.end_headers()
            try:
                for _ in range(64):
                    self.wfile.write(b"\x00" * 65536)
            except OSError:
                pass
            return
        if mode == "slow":
            time.sleep(20)
        try:
            body = {
                "good": reply, "slow": reply, "rsa": lambda q: reply(q, "rsa.cnf"),
                "nopurpose": token_without_purpose, "otherimprint": other_imprint,
                "garbage": lambda q: os.urandom(300), "reject": lambda q: rejection(),
            }[mode](query)
        except KeyError:
            self.send_error(404)
            return
        except (subprocess.CalledProcessError, OSError):
            self.send_error(500)
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/timestamp-reply")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except OSError:
            pass

    def log_message(self, *args):
        pass


# A test runner may leave SIGTERM ignored, and children inherit that: take the default back, so that kill works.
signal.signal(signal.SIGTERM, signal.SIG_DFL)
make_certificates()
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Authority)
server.daemon_threads = True
print(server.server_address[1], flush=True)
server.serve_forever()
