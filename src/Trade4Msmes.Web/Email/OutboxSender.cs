using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Operations;

namespace Trade4Msmes.Web.Email;

// Sends what the outbox holds. Each message is leased before sending, so two app instances never send the
// same one at the same time; it is marked sent only after the SMTP server took it, so a crash mid-batch
// leaves it to be sent again once the lease ends (at least once, never silently lost). Failures are retried
// with a doubling delay, up to EmailOptions.MaxAttempts.
public sealed partial class OutboxSender(
    IServiceScopeFactory scopes, IOptions<EmailOptions> options, TimeProvider clock, AppMetrics metrics, ILogger<OutboxSender> logger) : BackgroundService
{
    const int BatchSize = 20;
    static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(6);

    readonly string instance = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    readonly WakeSignal wake = new();

    // Called after a message is queued, so it goes out now rather than at the next poll.
    public void Wake() => wake.Wake();

    public override void Dispose()
    {
        wake.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Configured)
        {
            LogNotConfigured();
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendDueAsync(stoppingToken) == BatchSize)
                {
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogBatchFailed(e);
            }
            if (!await wake.WaitAsync(settings.PollInterval, stoppingToken))
            {
                break;
            }
        }
    }

    // Sends the messages that are due; returns how many it looked at.
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMessages
            .Where(m => m.SentAt == null && m.NextAttemptAt != null && m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil < now))
            .OrderBy(m => m.Id).Select(m => m.Id).Take(BatchSize).ToListAsync(ct);
        foreach (var id in due)
        {
            var claimed = await db.OutboxMessages
                .Where(m => m.Id == id && m.SentAt == null && (m.LeaseUntil == null || m.LeaseUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, instance).SetProperty(m => m.LeaseUntil, now + options.Value.SendLease), ct);
            if (claimed == 0)
            {
                continue;
            }
            var message = await db.OutboxMessages.SingleAsync(m => m.Id == id, ct);
            try
            {
                await DeliverAsync(message, ct);
                metrics.Email(sent: true);
                var sentAt = clock.GetUtcNow().UtcDateTime;
                await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.SentAt, sentAt).SetProperty(m => m.NextAttemptAt, (DateTime?)null)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.LastError, (string?)null)
                    .SetProperty(m => m.LeaseUntil, (DateTime?)null), CancellationToken.None);
            }
            catch (Exception e) when (e is SmtpException or IOException or InvalidOperationException or System.Net.Sockets.SocketException)
            {
                metrics.Email(sent: false);
                var attempts = message.Attempts + 1;
                DateTime? next = attempts >= options.Value.MaxAttempts ? null : now + Backoff(attempts);
                var error = e.Message.Length > 500 ? e.Message[..500] : e.Message;
                await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Attempts, attempts).SetProperty(m => m.NextAttemptAt, next)
                    .SetProperty(m => m.LastError, error).SetProperty(m => m.LeaseUntil, (DateTime?)null), CancellationToken.None);
                // The server's words may quote the address: they stay in the outbox row, the log gets the status only.
                LogSendFailed(id, attempts, next, e is SmtpException smtp ? $"SMTP {(int)smtp.StatusCode} {smtp.StatusCode}" : e.GetType().Name);
            }
        }
        return due.Count;
    }

    // 30 s, 1 min, 2 min … at most 6 h.
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, 30 * Math.Pow(2, Math.Max(0, attempts - 1))));

    async Task DeliverAsync(OutboxMessage stored, CancellationToken ct)
    {
        var settings = options.Value;
        using var message = new MailMessage(settings.From, stored.ToAddress)
        {
            Subject = stored.Subject,
            SubjectEncoding = System.Text.Encoding.UTF8,
            Body = stored.TextBody,
            BodyEncoding = System.Text.Encoding.UTF8,
        };
        message.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(stored.HtmlBody, System.Text.Encoding.UTF8, MediaTypeNames.Text.Html));
        // Asks mail servers not to answer automatically (out-of-office replies) to a machine's message.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("X-Trade4MSMEs-Message", stored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (stored.ListUnsubscribe is { } unsubscribe)
        {
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        using var client = string.IsNullOrWhiteSpace(settings.PickupDirectory)
            ? new SmtpClient(settings.SmtpHost, settings.SmtpPort) { EnableSsl = settings.SmtpSsl, Timeout = 30_000 }
            : new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = Directory.CreateDirectory(settings.PickupDirectory).FullName };
        if (!string.IsNullOrEmpty(settings.SmtpUser))
        {
            client.Credentials = new NetworkCredential(settings.SmtpUser, settings.SmtpPassword);
        }
        await client.SendMailAsync(message, ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email is not configured (Email:SmtpHost or Email:PickupDirectory): messages wait in the outbox until it is.")]
    partial void LogNotConfigured();

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox sender failed; it tries again at the next poll.")]
    partial void LogBatchFailed(Exception e);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {Id} not sent (attempt {Attempts}); next attempt {Next}: {Reason}")]
    partial void LogSendFailed(long id, int attempts, DateTime? next, string reason);
}
