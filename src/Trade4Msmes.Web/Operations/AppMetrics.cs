using System.Diagnostics.Metrics;

namespace Trade4Msmes.Web.Operations;

// The platform's own counters, next to ASP.NET Core's request metrics, all exported at /metrics. Created through
// IMeterFactory, so each app in a process (tests run several) counts only its own.
public sealed class AppMetrics
{
    public const string MeterName = "Trade4Msmes";

    readonly Counter<long> imports;
    readonly Histogram<double> importDuration;
    readonly Counter<long> emails;
    readonly Counter<long> alertEvents;
    readonly Counter<long> alertItems;
    readonly Counter<long> alertMessages;

    public AppMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        imports = meter.CreateCounter<long>("trade4msmes.imports", "{import}", "Imports of tariff schedules and notifications, by kind and outcome (accepted, rejected).");
        importDuration = meter.CreateHistogram<double>("trade4msmes.import.duration", "s", "How long an accepted or rejected import took.");
        emails = meter.CreateCounter<long>("trade4msmes.emails", "{email}", "Emails handed to the SMTP server (sent) or refused by it (failed).");
        alertEvents = meter.CreateCounter<long>("trade4msmes.alert.events", "{event}", "Alert events matched against the subscriptions, by kind.");
        alertItems = meter.CreateCounter<long>("trade4msmes.alert.items", "{alert}", "Alerts created for subscribers (one per subscriber and event).");
        alertMessages = meter.CreateCounter<long>("trade4msmes.alert.messages", "{email}", "Alert emails put in the outbox (one per subscriber and due batch).");
    }

    public void Imported(string kind, bool accepted, TimeSpan took)
    {
        var outcome = new KeyValuePair<string, object?>("outcome", accepted ? "accepted" : "rejected");
        var what = new KeyValuePair<string, object?>("kind", kind);
        imports.Add(1, what, outcome);
        importDuration.Record(took.TotalSeconds, what, outcome);
    }

    public void Email(bool sent) => emails.Add(1, new KeyValuePair<string, object?>("outcome", sent ? "sent" : "failed"));

    public void AlertEventMatched(string kind, int items)
    {
        alertEvents.Add(1, new KeyValuePair<string, object?>("kind", kind));
        alertItems.Add(items);
    }

    public void AlertMessagesQueued(int count) => alertMessages.Add(count);
}
