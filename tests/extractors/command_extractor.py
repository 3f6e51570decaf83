"""A --command program: reads one document JSON per line, writes one JSON line per document.

Argument ``fail`` exits with status 3 at once; ``garbage`` answers a non-JSON line for
documents whose id contains 'bad'; ``hang`` never answers for ids containing 'hang';
``wrapped`` answers {"facts": [...]}.
"""

import json
import os
import sys
import time


def main(argv):
    mode = argv[1] if len(argv) > 1 else ""
    if mode == "fail":
        print("command_extractor: cannot load the model", file=sys.stderr)
        sys.exit(3)
    for line in sys.stdin:
        document = json.loads(line)
        if mode == "hang" and "hang" in document["id"]:
            if os.environ.get("HANG_PID_FILE"):  # lets the test check the program was stopped
                with open(os.environ["HANG_PID_FILE"], "w") as handle:
                    handle.write(str(os.getpid()))
            time.sleep(3600)
        if mode == "garbage" and "bad" in document["id"]:
            print("this is not json", flush=True)
            continue
        first_word = document["text"].split()[0] if document["text"].split() else "empty"
        facts = [{"subject": first_word, "predicate": "starts", "object": document["id"]}]
        out = {"facts": facts} if mode == "wrapped" else facts
        print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main(sys.argv)
