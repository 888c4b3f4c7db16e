using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using System.Text;

namespace Trade4Msmes.Web.Operations;

// Collects this app's System.Diagnostics.Metrics instruments (ASP.NET Core's request and connection metrics and
// AppMetrics) with a MeterListener and writes them in the Prometheus text format (version 0.0.4). The
// OpenTelemetry exporter is not in the package mirror; this is the small part of it the platform needs.
public sealed class PrometheusExporter : IDisposable
{
    // Meters whose instruments are exported. Kestrel's and hosting's are created through the app's IMeterFactory.
    static readonly string[] Meters = [AppMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.RateLimiting"];

    // Seconds, as the request-duration histogram of ASP.NET Core advises.
    static readonly double[] SecondsBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];
    static readonly double[] OtherBuckets = [1, 10, 100, 1_000, 10_000, 100_000];

    readonly MeterListener listener = new();
    readonly Lock gate = new();
    readonly Dictionary<Instrument, Dictionary<string, Series>> series = [];

    public PrometheusExporter(IMeterFactory factory)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only this app's meters: another app in the same process (tests) has its own factory.
            if (Meters.Contains(instrument.Meter.Name) && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Record(i, value, tags));
        listener.SetMeasurementEventCallback<int>((i, value, tags, _) => Record(i, value, tags));
        listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Record(i, value, tags));
        listener.Start();
    }

    sealed class Series(double[]? buckets)
    {
        public double Value;
        public long Count;
        public readonly long[]? BucketCounts = buckets is null ? null : new long[buckets.Length];
        public readonly double[]? Buckets = buckets;
    }

    void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = Labels(tags);
        lock (gate)
        {
            if (!series.TryGetValue(instrument, out var byLabels))
            {
                series[instrument] = byLabels = [];
            }
            if (!byLabels.TryGetValue(labels, out var s))
            {
                byLabels[labels] = s = new Series(instrument is Histogram<double> or Histogram<long> or Histogram<int>
                    ? instrument.Unit == "s" ? SecondsBuckets : OtherBuckets
                    : null);
            }
            switch (instrument)
            {
                case ObservableGauge<long> or ObservableGauge<int> or ObservableGauge<double>
                    or ObservableCounter<long> or ObservableCounter<int> or ObservableCounter<double>
                    or ObservableUpDownCounter<long> or ObservableUpDownCounter<int> or ObservableUpDownCounter<double>:
                    // Observed values are totals already.
                    s.Value = value;
                    break;
                default:
                    s.Value += value;
                    s.Count++;
                    if (s.Buckets is { } bounds)
                    {
                        for (var b = 0; b < bounds.Length; b++)
                        {
                            if (value <= bounds[b])
                            {
                                s.BucketCounts![b]++;
                            }
                        }
                    }
                    break;
            }
        }
    }

    public string Render()
    {
        listener.RecordObservableInstruments();
        var text = new StringBuilder();
        lock (gate)
        {
            foreach (var (instrument, byLabels) in series.OrderBy(s => s.Key.Meter.Name, StringComparer.Ordinal).ThenBy(s => s.Key.Name, StringComparer.Ordinal))
            {
                var histogram = byLabels.Values.FirstOrDefault()?.Buckets is not null;
                var counter = instrument is Counter<long> or Counter<int> or Counter<double> or ObservableCounter<long> or ObservableCounter<int> or ObservableCounter<double>;
                var name = Name(instrument) + (counter ? "_total" : "");
                text.Append("# HELP ").Append(name).Append(' ').Append(Escape(instrument.Description ?? instrument.Name, help: true)).Append('\n');
                text.Append("# TYPE ").Append(name).Append(' ').Append(histogram ? "histogram" : counter ? "counter" : "gauge").Append('\n');
                foreach (var (labels, s) in byLabels.OrderBy(x => x.Key, StringComparer.Ordinal))
                {
                    if (s.Buckets is { } bounds)
                    {
                        for (var b = 0; b < bounds.Length; b++)
                        {
                            Line(text, name + "_bucket", Join(labels, $"le=\"{Number(bounds[b])}\""), s.BucketCounts![b]);
                        }
                        Line(text, name + "_bucket", Join(labels, "le=\"+Inf\""), s.Count);
                        Line(text, name + "_sum", labels, s.Value);
                        Line(text, name + "_count", labels, s.Count);
                    }
                    else
                    {
                        Line(text, name, labels, s.Value);
                    }
                }
            }
        }
        return text.ToString();
    }

    static void Line(StringBuilder text, string name, string labels, double value) =>
        text.Append(name).Append(labels.Length == 0 ? "" : "{" + labels + "}").Append(' ').Append(Number(value)).Append('\n');

    static string Join(string labels, string more) => labels.Length == 0 ? more : labels + "," + more;

    // "http.server.request.duration" in seconds -> "http_server_request_duration_seconds".
    static string Name(Instrument instrument)
    {
        var name = Sanitize(instrument.Name);
        var unit = instrument.Unit switch { "s" => "seconds", "By" => "bytes", _ => null };
        return unit is null || name.EndsWith("_" + unit, StringComparison.Ordinal) ? name : name + "_" + unit;
    }

    static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length == 0)
        {
            return "";
        }
        var pairs = new List<string>(tags.Length);
        foreach (var (key, value) in tags)
        {
            pairs.Add($"{Sanitize(key)}=\"{Escape(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", help: false)}\"");
        }
        pairs.Sort(StringComparer.Ordinal);
        return string.Join(',', pairs);
    }

    static string Sanitize(string name)
    {
        var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray();
        return char.IsAsciiDigit(chars[0]) ? "_" + new string(chars) : new string(chars);
    }

    static string Escape(string text, bool help) =>
        help ? text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)
             : text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    static string Number(double value) =>
        double.IsPositiveInfinity(value) ? "+Inf" : value.ToString("R", CultureInfo.InvariantCulture);

    public void Dispose() => listener.Dispose();
}

public static class MetricsEndpoint
{
    // /metrics answers requests from this machine (a scraper beside the app; nginx does not proxy it), or with the
    // token set in Metrics:Token as "Authorization: Bearer".
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder app)
    {
        app.MapGet("/metrics", (HttpContext http, PrometheusExporter exporter, IConfiguration configuration) =>
        {
            var token = configuration["Metrics:Token"];
            var local = http.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address);
            var authorized = !string.IsNullOrEmpty(token) && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                Encoding.UTF8.GetBytes(http.Request.Headers.Authorization.ToString()), Encoding.UTF8.GetBytes($"Bearer {token}"));
            if (!local && !authorized)
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }
            return Results.Text(exporter.Render(), "text/plain; version=0.0.4; charset=utf-8");
        }).ExcludeFromDescription();
        return app;
    }
}
