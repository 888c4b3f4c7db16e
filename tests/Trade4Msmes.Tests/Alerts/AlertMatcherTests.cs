using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Alerts;
using Trade4Msmes.Web.Importing;

namespace Trade4Msmes.Tests.Alerts;

// Matching events against subscriptions in memory, and when the alert goes out.
public class AlertMatcherTests
{
    static readonly IReadOnlyDictionary<int, IReadOnlyList<string>> Regions = new Dictionary<int, IReadOnlyList<string>>
    {
        [2] = ["KEN", "UGA", "GHA"],
        [14] = ["KEN", "UGA"],
    };

    static int nextId;

    // A confirmed subscription as the dispatcher reads it from the database.
    static ActiveSubscription Subscription(
        int subscriber, string products = "", string markets = "", string keywords = "", AlertKinds kinds = AlertKinds.All,
        AlertFrequency frequency = AlertFrequency.Daily)
    {
        var stored = new Subscription { Products = products, Markets = markets, Keywords = keywords, Kinds = kinds, Frequency = frequency };
        return new ActiveSubscription(Interlocked.Increment(ref nextId), subscriber, frequency, AlertCriteria.Of(stored, Regions));
    }

    static ChangedLine Line(string code, string description, params string[] hs6) =>
        new(code, hs6.Length > 0 ? hs6 : [code[..6]], AlertCriteria.WordsOf(description));

    // The lines of one schedule version whose duties changed.
    static readonly List<ChangedLine> Lines =
    [
        Line("0901210000", "Coffee, roasted, not decaffeinated"),
        Line("0902100000", "Green tea (not fermented) in immediate packings of a content not exceeding 3 kg"),
        Line("0402100000", "Milk and cream in powder, of a fat content not exceeding 1.5%"),
        Line("1806310000", "Chocolate, in blocks, filled"),
    ];

    static Notification Notification(string symbol, string member, NotificationDomain domain, string hsCodes, string title)
    {
        var n = new Notification { DocumentSymbol = symbol, MemberIso3 = member, Domain = domain, HsCodes = hsCodes, Title = title };
        n.SearchText = NotificationFile.SearchTextOf(n);
        return n;
    }

    // "1:0,1 2:0": each subscriber matched, with the indexes of the lines they are told about.
    static string LinesBySubscriber(Dictionary<int, SubscriberMatch> matches) =>
        string.Join(' ', matches.OrderBy(m => m.Key).Select(m => $"{m.Key}:{string.Join(',', m.Value.Lines)}"));

    [Fact]
    public void ProductsMatchTheLinesOfTheirChapterHeadingOrSubheading()
    {
        var subscriptions = new[]
        {
            Subscription(1, products: "09"),
            Subscription(2, products: "0901"),
            Subscription(3, products: "090210"),
            Subscription(4, products: "090122"),
            Subscription(5, products: "0402 1806"),
            Subscription(6, products: "10"),
        };

        var matches = AlertMatcher.Tariff(subscriptions, "USA", Lines);

        LinesBySubscriber(matches).ShouldBe("1:0,1 2:0 3:1 5:2,3");
    }

    [Fact]
    public void ALineSplitIntoSeveralHs2022SubheadingsMatchesEachOfThem()
    {
        var split = new List<ChangedLine> { Line("8517120000", "Telephones for cellular networks", "851713", "851714") };

        var matches = AlertMatcher.Tariff([Subscription(1, products: "851714"), Subscription(2, products: "851713"), Subscription(3, products: "851762")], "USA", split);

        matches.Keys.Order().ShouldBe([1, 2]);
    }

    [Fact]
    public void MarketsRestrictTariffAlertsToTheirEconomiesAndRegions()
    {
        var subscriptions = new[]
        {
            Subscription(1, products: "09", markets: "KEN"),
            Subscription(2, products: "09", markets: "USA GBR"),
            Subscription(3, products: "09", markets: "14"),
            Subscription(4, products: "09", markets: "2"),
            Subscription(5, products: "09"),
        };

        AlertMatcher.Tariff(subscriptions, "KEN", Lines).Keys.Order().ShouldBe([1, 3, 4, 5]);
        AlertMatcher.Tariff(subscriptions, "USA", Lines).Keys.Order().ShouldBe([2, 5]);
        AlertMatcher.Tariff(subscriptions, "GHA", Lines).Keys.Order().ShouldBe([4, 5]);
    }

    [Fact]
    public void AKeywordPhraseMatchesALineWithAllItsWordsInAnyFormAndOrder()
    {
        var subscriptions = new[]
        {
            Subscription(1, keywords: "coffees"),
            Subscription(2, keywords: "Green Tea"),
            Subscription(3, keywords: "tea green"),
            Subscription(4, keywords: "roasted tea"),
            Subscription(5, keywords: "powders\nchocolates"),
            Subscription(6, keywords: "CAFÉ"),
            Subscription(7, keywords: "milk", markets: "KEN"),
        };

        var matches = AlertMatcher.Tariff(subscriptions, "USA", Lines);

        LinesBySubscriber(matches).ShouldBe("1:0 2:1 3:1 5:2,3");
    }

    [Fact]
    public void KeywordsNarrowASubscriptionToProducts()
    {
        var matches = AlertMatcher.Tariff([Subscription(1, products: "09", keywords: "tea"), Subscription(2, products: "04", keywords: "tea")], "USA", Lines);

        LinesBySubscriber(matches).ShouldBe("1:1");
    }

    [Fact]
    public void ASubscriptionWithOnlyAMarketGetsEveryChangedLineOfIt()
    {
        var matches = AlertMatcher.Tariff([Subscription(1, markets: "USA")], "USA", Lines);

        // Stored as "every line" rather than line by line: a whole schedule would otherwise be one alert's list.
        matches.Keys.ShouldBe([1]);
        matches[1].AllLines.ShouldBeTrue();
        matches[1].Lines.ShouldBeEmpty();
    }

    [Fact]
    public void OnlySubscriptionsToTariffChangesHearOfThem()
    {
        var subscriptions = new[]
        {
            Subscription(1, products: "09", kinds: AlertKinds.Sps | AlertKinds.Tbt),
            Subscription(2, keywords: "coffee", kinds: AlertKinds.Sps),
            Subscription(3, products: "09", kinds: AlertKinds.Tariff),
        };

        AlertMatcher.Tariff(subscriptions, "USA", Lines).Keys.ShouldBe([3]);
    }

    [Fact]
    public void ASubscriberWithSeveralMatchingSubscriptionsGetsOneItemAtTheMostFrequentPace()
    {
        var subscriptions = new[]
        {
            Subscription(1, products: "09", frequency: AlertFrequency.Weekly),
            Subscription(1, keywords: "milk", frequency: AlertFrequency.Immediate),
            Subscription(1, products: "0901", frequency: AlertFrequency.Daily),
            Subscription(1, products: "18", kinds: AlertKinds.Sps, frequency: AlertFrequency.Immediate),
            Subscription(2, products: "09", frequency: AlertFrequency.Weekly),
            Subscription(2, products: "0901", frequency: AlertFrequency.Daily),
            Subscription(3, products: "09", frequency: AlertFrequency.Weekly),
            Subscription(3, products: "04", frequency: AlertFrequency.Immediate, markets: "KEN"),
        };

        var matches = AlertMatcher.Tariff(subscriptions, "USA", Lines);

        matches.Count.ShouldBe(3);
        matches[1].Frequency.ShouldBe(AlertFrequency.Immediate);
        matches[1].Lines.ShouldBe([0, 1, 2]);
        matches[2].Frequency.ShouldBe(AlertFrequency.Daily);
        matches[2].Lines.ShouldBe([0, 1]);
        matches[3].Frequency.ShouldBe(AlertFrequency.Weekly, "the immediate subscription is for another market");
    }

    [Fact]
    public void NoChangedLinesMatchNothing()
    {
        AlertMatcher.Tariff([Subscription(1, markets: "USA"), Subscription(2, products: "09")], "USA", []).ShouldBeEmpty();
    }

    [Fact]
    public void ANotificationMatchesByDomainMemberProductsUpAndDownTheTreeAndWords()
    {
        var coffee = Notification("G/SPS/N/USA/1", "USA", NotificationDomain.Sps, "090121", "Maximum residue limits for roasted coffees");
        var subscriptions = new[]
        {
            Subscription(1, products: "09"),
            Subscription(2, products: "0901", markets: "USA"),
            Subscription(3, products: "090122"),
            Subscription(4, products: "0901", markets: "KEN"),
            Subscription(5, products: "0901", kinds: AlertKinds.Tbt | AlertKinds.Tariff),
            Subscription(6, keywords: "coffee"),
            Subscription(7, keywords: "residue limit"),
            Subscription(8, keywords: "coffee labelling"),
            Subscription(9, markets: "USA", kinds: AlertKinds.Sps),
        };

        AlertMatcher.Notification(subscriptions, coffee).Keys.Order().ShouldBe([1, 2, 6, 7, 9]);
    }

    [Fact]
    public void ANotificationOfAWholeChapterConcernsEverySubscriptionWithinIt()
    {
        var chapter = Notification("G/TBT/N/KEN/2", "KEN", NotificationDomain.Tbt, "09", "Labelling of spices");
        var subscriptions = new[]
        {
            Subscription(1, products: "090121"),
            Subscription(2, products: "0402"),
            Subscription(3, products: "0910", markets: "14"),
            Subscription(4, products: "0910", markets: "USA"),
        };

        AlertMatcher.Notification(subscriptions, chapter).Keys.Order().ShouldBe([1, 3]);
    }

    [Fact]
    public void ANotificationWithoutHsCodesOnlyReachesSubscriptionsWithoutProducts()
    {
        var uncoded = Notification("G/TBT/N/USA/3", "USA", NotificationDomain.Tbt, "", "Coffee machines: energy efficiency");

        var matches = AlertMatcher.Notification([Subscription(1, products: "0901"), Subscription(2, keywords: "coffee"), Subscription(3, markets: "USA")], uncoded);

        matches.Keys.Order().ShouldBe([2, 3]);
    }

    [Fact]
    public void OneItemPerSubscriberForANotificationToo()
    {
        var coffee = Notification("G/SPS/N/USA/4", "USA", NotificationDomain.Sps, "090121", "Coffee");
        var subscriptions = new[]
        {
            Subscription(1, products: "09", frequency: AlertFrequency.Weekly),
            Subscription(1, keywords: "coffee", frequency: AlertFrequency.Daily),
        };

        var match = AlertMatcher.Notification(subscriptions, coffee).ShouldHaveSingleItem();

        match.Key.ShouldBe(1);
        match.Value.Frequency.ShouldBe(AlertFrequency.Daily);
        match.Value.Lines.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("09", "090121", true)]
    [InlineData("090121", "09", true)]
    [InlineData("0901", "0901", true)]
    [InlineData("0901", "0902", false)]
    [InlineData("090121", "090122", false)]
    [InlineData("09", "10", false)]
    public void ProductsOverlapWhenOneContainsTheOther(string a, string b, bool overlap)
    {
        AlertCriteria.Overlap(a, b).ShouldBe(overlap);
        AlertCriteria.Overlap(b, a).ShouldBe(overlap);
    }

    [Fact]
    public void RegionsStandForTheirEconomies()
    {
        AlertCriteria.ExpandMarkets("USA 14 999", Regions).ShouldBe(["USA", "KEN", "UGA"], ignoreOrder: true);
    }

    [Fact]
    public void AnImmediateAlertIsDueNow()
    {
        var now = new DateTime(2026, 11, 20, 12, 34, 56, DateTimeKind.Utc);

        AlertMatcher.DueAt(AlertFrequency.Immediate, now, 6).ShouldBe(now);
    }

    [Theory]
    [InlineData("2026-11-20T12:00:00", "2026-11-21T06:00:00")]
    [InlineData("2026-11-20T05:59:59", "2026-11-20T06:00:00")]
    [InlineData("2026-11-20T06:00:00", "2026-11-21T06:00:00")]
    [InlineData("2026-12-31T23:00:00", "2027-01-01T06:00:00")]
    public void ADailyDigestIsDueAtTheNextDigestHour(string now, string due)
    {
        var at = AlertMatcher.DueAt(AlertFrequency.Daily, Utc(now), 6);

        at.ShouldBe(Utc(due));
        at.Kind.ShouldBe(DateTimeKind.Utc);
    }

    [Theory]
    [InlineData("2026-11-20T12:00:00", "2026-11-23T06:00:00")] // Friday
    [InlineData("2026-11-22T23:59:00", "2026-11-23T06:00:00")] // Sunday
    [InlineData("2026-11-23T05:00:00", "2026-11-23T06:00:00")] // Monday, before the hour
    [InlineData("2026-11-23T06:00:00", "2026-11-30T06:00:00")] // Monday, at the hour
    [InlineData("2026-11-24T01:00:00", "2026-11-30T06:00:00")] // Tuesday
    public void AWeeklyDigestIsDueOnTheNextMondayAtTheDigestHour(string now, string due)
    {
        var at = AlertMatcher.DueAt(AlertFrequency.Weekly, Utc(now), 6);

        at.ShouldBe(Utc(due));
        at.DayOfWeek.ShouldBe(DayOfWeek.Monday);
    }

    [Fact]
    public void TheDigestHourIsASetting()
    {
        AlertMatcher.DueAt(AlertFrequency.Daily, Utc("2026-11-20T12:00:00"), 18).ShouldBe(Utc("2026-11-20T18:00:00"));
    }

    static DateTime Utc(string text) =>
        DateTime.SpecifyKind(DateTime.ParseExact(text, "yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
}
