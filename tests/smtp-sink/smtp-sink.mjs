// A real SMTP server for the tests (nodemailer's smtp-server): accepts every message sent to 127.0.0.1:PORT
// and writes it, exactly as received, to DIR/<n>.eml (written under a temporary name, then renamed, so a
// reader never sees half a message). Prints "listening <port>" once ready. It stops by itself when its
// standard input closes (the test process ended) or after 30 minutes at most.
//
//   node smtp-sink.mjs DIR [PORT] [HOLD_AFTER]    (PORT 0 or absent: any free port)
//
// With HOLD_AFTER, the server accepts that many messages, then holds the next one: it reads it but never answers,
// and prints "holding". A test kills the sending app at that moment: the held message was not accepted, as
// when a real server is slow and the sender crashes.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SMTPServer } from "smtp-server";

const [dir, port = "0", holdAfter = ""] = process.argv.slice(2);
if (!dir) {
  console.error("usage: node smtp-sink.mjs DIR [PORT]");
  process.exit(2);
}
mkdirSync(dir, { recursive: true });
let received = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on("data", (chunk) => chunks.push(chunk));
    stream.on("end", () => {
      if (holdAfter !== "" && received >= Number(holdAfter)) {
        console.log("holding");
        return;
      }
      const name = `${String(++received).padStart(5, "0")}.eml`;
      writeFileSync(join(dir, `${name}.part`), Buffer.concat(chunks));
      renameSync(join(dir, `${name}.part`), join(dir, name));
      callback();
    });
  },
});

server.listen(Number(port), "127.0.0.1", () => console.log(`listening ${server.server.address().port}`));
process.stdin.on("end", () => server.close(() => process.exit(0)));
process.stdin.resume();
setTimeout(() => process.exit(0), 30 * 60 * 1000).unref();
