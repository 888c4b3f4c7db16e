using System.Net;
using Trade4Msmes.Web.Data;

namespace Trade4Msmes.Web.Email;

// A message to one person: plain text, and the same text as simple HTML.
public sealed record EmailMessage(string To, string Subject, string Text, string? DedupeKey = null, string? ListUnsubscribe = null)
{
    // The HTML part is the text, escaped, with paragraphs and links: nothing in it comes unescaped from a user.
    public string Html()
    {
        var paragraphs = Text.Replace("\r\n", "\n").Split("\n\n").Select(p =>
        {
            var lines = p.Split('\n').Select(line =>
            {
                var encoded = WebUtility.HtmlEncode(line);
                return line.StartsWith("http://", StringComparison.Ordinal) || line.StartsWith("https://", StringComparison.Ordinal)
                    ? $"<a href=\"{encoded}\">{encoded}</a>"
                    : encoded;
            });
            return "<p>" + string.Join("<br>", lines) + "</p>";
        });
        return "<!DOCTYPE html><html><body style=\"font-family:sans-serif\">" + string.Join("", paragraphs) + "</body></html>";
    }
}

public static class EmailOutbox
{
    // Queues the message in the caller's unit of work: it is sent only if the change that caused it is saved.
    public static OutboxMessage Enqueue(AppDbContext db, EmailMessage message, DateTime now) =>
        db.OutboxMessages.Add(new OutboxMessage
        {
            ToAddress = message.To,
            Subject = message.Subject,
            TextBody = message.Text,
            HtmlBody = message.Html(),
            DedupeKey = message.DedupeKey,
            ListUnsubscribe = message.ListUnsubscribe,
            CreatedAt = now,
            NextAttemptAt = now,
        }).Entity;
}
