using Trade4Msmes.Web.Data;

namespace Trade4Msmes.Web.Features.Alerts;

// A confirmed subscription, read for matching.
public sealed record ActiveSubscription(int Id, int SubscriberId, AlertFrequency Frequency, AlertCriteria Criteria);

// A national line whose duty changed, as matching sees it: its HS 2022 subheadings and the words of its description.
public sealed record ChangedLine(string Code, IReadOnlyList<string> Hs6, IReadOnlySet<string> Words);

// What one subscriber gets from one event: the lines that matched (tariff events) and how soon.
public sealed class SubscriberMatch(AlertFrequency frequency)
{
    public AlertFrequency Frequency { get; set; } = frequency;

    public HashSet<int> Lines { get; } = [];

    // Every line of the event matched (a subscription to a whole market): stored as "*" rather than line by line.
    public bool AllLines { get; set; }
}

// Matches events against subscriptions in memory. A schedule version is matched line by line through an index of
// the subscriptions' HS codes, so the work grows with lines × codes per line, not lines × subscriptions.
public static class AlertMatcher
{
    public static Dictionary<int, SubscriberMatch> Notification(IReadOnlyList<ActiveSubscription> subscriptions, Notification notification)
    {
        var words = AlertCriteria.WordsOf(notification.SearchText);
        var matches = new Dictionary<int, SubscriberMatch>();
        foreach (var s in subscriptions.Where(s => s.Criteria.Covers(notification, words)))
        {
            Add(matches, s, null);
        }
        return matches;
    }

    public static Dictionary<int, SubscriberMatch> Tariff(IReadOnlyList<ActiveSubscription> subscriptions, string economy, IReadOnlyList<ChangedLine> lines)
    {
        var matches = new Dictionary<int, SubscriberMatch>();
        if (lines.Count == 0)
        {
            return matches;
        }
        var byCode = new Dictionary<string, List<ActiveSubscription>>(StringComparer.Ordinal);
        var withoutProducts = new List<ActiveSubscription>();
        foreach (var s in subscriptions)
        {
            if (!s.Criteria.Kinds.HasFlag(AlertKinds.Tariff) || !s.Criteria.CoversMarket(economy))
            {
                continue;
            }
            if (s.Criteria.Products.Count == 0)
            {
                withoutProducts.Add(s);
                continue;
            }
            foreach (var code in s.Criteria.Products)
            {
                if (!byCode.TryGetValue(code, out var list))
                {
                    byCode[code] = list = [];
                }
                list.Add(s);
            }
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            foreach (var hs6 in line.Hs6)
            {
                foreach (var length in (ReadOnlySpan<int>)[2, 4, 6])
                {
                    if (hs6.Length >= length && byCode.TryGetValue(hs6[..length], out var found))
                    {
                        foreach (var s in found)
                        {
                            if (s.Criteria.CoversWords(line.Words))
                            {
                                Add(matches, s, i);
                            }
                        }
                    }
                }
            }
        }

        if (withoutProducts.Count > 0)
        {
            // Keyword subscriptions look their words up in an index of the lines' words.
            var linesByWord = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            for (var i = 0; i < lines.Count; i++)
            {
                foreach (var word in lines[i].Words)
                {
                    if (!linesByWord.TryGetValue(word, out var list))
                    {
                        linesByWord[word] = list = [];
                    }
                    list.Add(i);
                }
            }
            foreach (var s in withoutProducts)
            {
                if (s.Criteria.Keywords.Count == 0)
                {
                    Add(matches, s, null).AllLines = true;
                    continue;
                }
                foreach (var phrase in s.Criteria.Keywords)
                {
                    IEnumerable<int>? found = null;
                    foreach (var word in phrase)
                    {
                        var withWord = linesByWord.GetValueOrDefault(word) ?? [];
                        found = found is null ? withWord : found.Intersect(withWord);
                    }
                    AddAll(matches, s, found ?? []);
                }
            }
        }
        return matches;
    }

    static void AddAll(Dictionary<int, SubscriberMatch> matches, ActiveSubscription s, IEnumerable<int> lines)
    {
        var found = lines.ToList();
        if (found.Count > 0)
        {
            Add(matches, s, null).Lines.UnionWith(found);
        }
    }

    static SubscriberMatch Add(Dictionary<int, SubscriberMatch> matches, ActiveSubscription s, int? line)
    {
        if (!matches.TryGetValue(s.SubscriberId, out var match))
        {
            matches[s.SubscriberId] = match = new SubscriberMatch(s.Frequency);
        }
        // One item per subscriber: it goes out with their most frequent matching subscription.
        if (s.Frequency < match.Frequency)
        {
            match.Frequency = s.Frequency;
        }
        if (line is { } l)
        {
            match.Lines.Add(l);
        }
        return match;
    }

    // Digests go out at a fixed hour (UTC): daily every day, weekly on Mondays.
    public static DateTime DueAt(AlertFrequency frequency, DateTime now, int digestHour)
    {
        if (frequency == AlertFrequency.Immediate)
        {
            return now;
        }
        var next = now.Date.AddHours(digestHour);
        if (next <= now)
        {
            next = next.AddDays(1);
        }
        while (frequency == AlertFrequency.Weekly && next.DayOfWeek != DayOfWeek.Monday)
        {
            next = next.AddDays(1);
        }
        return DateTime.SpecifyKind(next, DateTimeKind.Utc);
    }
}
