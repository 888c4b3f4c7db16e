using System.Text;
using Trade4Msmes.Tests.Infrastructure;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Importing;

namespace Trade4Msmes.Tests.Alerts;

// Reading notification symbols and files, without the app: members and HS codes come from small lists here.
// The fixtures (Fixtures/notifications.json and .csv) are fictional records written from the field list.
public class NotificationFileTests
{
    public static string FixturePath(string name) => Path.Combine(Repository.Root, "tests", "Trade4Msmes.Tests", "Alerts", "Fixtures", name);

    static readonly Dictionary<string, string> Members = new(StringComparer.OrdinalIgnoreCase)
    {
        ["USA"] = "USA",
        ["United States of America"] = "USA",
        ["KEN"] = "KEN",
        ["Kenya"] = "KEN",
        ["EUN"] = "EUN",
        ["European Union"] = "EUN",
        ["BDI"] = "BDI",
        ["Burundi"] = "BDI",
    };

    static readonly HashSet<string> HsCodes = ["09", "0901", "090121", "090122", "0902", "090210", "04", "0402", "040210"];

    static string? Member(string text) => Members.GetValueOrDefault(text.Trim());

    static NotificationFile.Result Read(string text, bool json) => NotificationFile.Read(Encoding.UTF8.GetBytes(text), json, Member, HsCodes);

    static NotificationFile.Result ReadFixture(string name) =>
        NotificationFile.Read(File.ReadAllBytes(FixturePath(name)), name.EndsWith(".json", StringComparison.Ordinal), Member, HsCodes);

    // One JSON record with every required field, to which a test adds or overrides fields (raw JSON values).
    static string Record(string symbol, params (string Field, string Json)[] fields)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["documentSymbol"] = JsonSerializer.Serialize(symbol),
            ["notifyingMember"] = "\"USA\"",
            ["distributionDate"] = "\"2026-11-02T00:00:00\"",
            ["title"] = "\"A fictional measure\"",
            ["hsCodes"] = "[\"090121\"]",
        };
        foreach (var (field, json) in fields)
        {
            values[field] = json;
        }
        return "{" + string.Join(", ", values.Select(v => $"\"{v.Key}\": {v.Value}")) + "}";
    }

    static string Records(params string[] records) => "[\n" + string.Join(",\n", records) + "\n]";

    // The fields a notification is compared on (everything the file gives; ids and times are the store's).
    static string Fields(Notification n) => JsonSerializer.Serialize(new
    {
        n.DocumentSymbol,
        n.ParentSymbol,
        n.Domain,
        n.Type,
        n.MemberIso3,
        n.DistributionDate,
        n.Title,
        n.Description,
        n.ProductsText,
        n.HsCodes,
        n.IcsCodes,
        n.Objectives,
        n.Keywords,
        n.CommentDeadline,
        n.EntryIntoForce,
        n.DocumentLinks,
        n.Language,
    });

    [Theory]
    [InlineData("G/TBT/N/USA/1234", "G/TBT/N/USA/1234", NotificationDomain.Tbt, "USA")]
    [InlineData("g/tbt/n/usa/1234", "G/TBT/N/USA/1234", NotificationDomain.Tbt, "USA")]
    [InlineData(" G/SPS/N/KEN/ 77 ", "G/SPS/N/KEN/77", NotificationDomain.Sps, "KEN")]
    [InlineData("G/SPS/N/BDI/KEN/RWA/10", "G/SPS/N/BDI/KEN/RWA/10", NotificationDomain.Sps, "BDI")]
    [InlineData("G/SPS/N/EU/640", "G/SPS/N/EU/640", NotificationDomain.Sps, "EUN")]
    [InlineData("g/sps/n/eu/640", "G/SPS/N/EU/640", NotificationDomain.Sps, "EUN")]
    public void ARegularSymbolIsNormalisedAndHasNoParent(string text, string value, NotificationDomain domain, string firstMember)
    {
        NotificationSymbol.TryParse(text, out var symbol).ShouldBeTrue();

        symbol.Value.ShouldBe(value);
        symbol.Domain.ShouldBe(domain);
        symbol.FirstMember.ShouldBe(firstMember);
        symbol.Parent.ShouldBeNull();
        symbol.FollowUp.ShouldBeNull();
    }

    [Theory]
    [InlineData("G/TBT/N/USA/1234/Add.1", "G/TBT/N/USA/1234/Add.1", "G/TBT/N/USA/1234", NotificationType.Addendum)]
    [InlineData("G/TBT/N/USA/1234/Add.1/Corr.1", "G/TBT/N/USA/1234/Add.1/Corr.1", "G/TBT/N/USA/1234/Add.1", NotificationType.Corrigendum)]
    [InlineData("g/tbt/n/usa/1234/add.1/corr.1", "G/TBT/N/USA/1234/Add.1/Corr.1", "G/TBT/N/USA/1234/Add.1", NotificationType.Corrigendum)]
    [InlineData("G/SPS/N/EU/640/Rev.2", "G/SPS/N/EU/640/Rev.2", "G/SPS/N/EU/640", NotificationType.Revision)]
    [InlineData("G/SPS/N/BDI/KEN/RWA/10/Suppl.3", "G/SPS/N/BDI/KEN/RWA/10/Suppl.3", "G/SPS/N/BDI/KEN/RWA/10", NotificationType.Supplement)]
    [InlineData("G/SPS/N/EU/640/Rev.1/Add.2", "G/SPS/N/EU/640/Rev.1/Add.2", "G/SPS/N/EU/640/Rev.1", NotificationType.Addendum)]
    public void AFollowUpKnowsItsParentAndItsKind(string text, string value, string parent, NotificationType type)
    {
        NotificationSymbol.TryParse(text, out var symbol).ShouldBeTrue();

        symbol.Value.ShouldBe(value);
        symbol.Parent.ShouldBe(parent);
        symbol.FollowUp.ShouldBe(type);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("G/TBT/N/USA")]
    [InlineData("G/ADP/N/USA/1234")]
    [InlineData("G/TBT/USA/1234")]
    [InlineData("TBT/N/USA/1234")]
    [InlineData("G/TBT/N/U5A/1234")]
    [InlineData("G/TBT/N/USA/123456")]
    [InlineData("G/TBT/N/USA/12a")]
    [InlineData("G/TBT/N/USA/1234/Add")]
    [InlineData("G/TBT/N/USA/1234/Annex.1")]
    [InlineData("G/TBT/N/USA/1234/")]
    [InlineData("https://example.org/G/TBT/N/USA/1234")]
    public void GarbageIsNotASymbol(string? text)
    {
        NotificationSymbol.TryParse(text, out _).ShouldBeFalse();
    }

    [Fact]
    public void TheJsonFixtureGivesEveryFieldAsNotified()
    {
        var result = ReadFixture("notifications.json");

        result.Problems.ShouldBeEmpty();
        result.Notifications.Select(n => n.DocumentSymbol).ShouldBe(
            ["G/TBT/N/USA/9001", "G/TBT/N/USA/9001/Add.1", "G/SPS/N/KEN/9002", "G/SPS/N/EU/9003", "G/SPS/N/BDI/KEN/RWA/9004"]);
        var coffee = result.Notifications[0];
        coffee.Domain.ShouldBe(NotificationDomain.Tbt);
        coffee.Type.ShouldBe(NotificationType.Regular);
        coffee.MemberIso3.ShouldBe("USA");
        coffee.DistributionDate.ShouldBe(new DateOnly(2026, 11, 2));
        coffee.CommentDeadline.ShouldBe(new DateOnly(2027, 1, 1));
        coffee.EntryIntoForce.ShouldBe(new DateOnly(2027, 6, 1));
        coffee.HsCodes.ShouldBe("090121 090122", "a string and an object {\"code\": …}");
        coffee.IcsCodes.ShouldBe("67.140.20");
        coffee.Objectives.ShouldBe("Consumer information, labelling; Protection of human health or safety");
        coffee.Keywords.ShouldBe("Labelling; Coffee");
        coffee.Description.ShouldBe("Fictional test record.\nRoasted coffee in retail packages would show the roasting date.");
        coffee.ProductsText.ShouldBe("Roasted coffee");
        coffee.DocumentLinks.ShouldBe("https://example.org/fictional/G-TBT-N-USA-9001.pdf");
        coffee.ParentSymbol.ShouldBeNull();

        var addendum = result.Notifications[1];
        addendum.ParentSymbol.ShouldBe("G/TBT/N/USA/9001");
        addendum.Type.ShouldBe(NotificationType.Addendum);
        addendum.CommentDeadline.ShouldBeNull();
        addendum.HsCodes.ShouldBe("");

        var kenya = result.Notifications[2];
        kenya.HsCodes.ShouldBe("09");
        kenya.IcsCodes.ShouldBe("65.100 67.140");
        kenya.DocumentLinks.Split('\n').Length.ShouldBe(2);

        var eu = result.Notifications[3];
        eu.MemberIso3.ShouldBe("EUN");
        eu.Type.ShouldBe(NotificationType.Emergency);
        eu.HsCodes.ShouldBe("0402 040210");

        var joint = result.Notifications[4];
        joint.MemberIso3.ShouldBe("BDI");
        joint.Language.ShouldBe("fr");
    }

    [Fact]
    public void TheCsvFixtureGivesTheSameNotificationsAsTheJsonOne()
    {
        var json = ReadFixture("notifications.json");
        var csv = ReadFixture("notifications.csv");

        csv.Problems.ShouldBeEmpty();
        json.Problems.ShouldBeEmpty();
        csv.Notifications.Count.ShouldBe(5);
        csv.Notifications.Select(Fields).ShouldBe(json.Notifications.Select(Fields));
    }

    [Fact]
    public void AJsonArrayAndAnObjectWithItemsOrResultsAreRead()
    {
        var record = Record("G/TBT/N/USA/1");

        foreach (var text in new[] { Records(record), $"{{\"items\": [{record}]}}", $"{{\"results\": [{record}], \"total\": 1}}" })
        {
            var result = Read(text, json: true);

            result.Problems.ShouldBeEmpty(text);
            result.Notifications.ShouldHaveSingleItem().DocumentSymbol.ShouldBe("G/TBT/N/USA/1");
        }
    }

    [Fact]
    public void TheAreaAndTheTypeDefaultToWhatTheSymbolSays()
    {
        var result = Read(Records(Record("G/SPS/N/KEN/5/Corr.1", ("notifyingMember", "\"Kenya\""))), json: true);

        var n = result.Notifications.ShouldHaveSingleItem();
        n.Domain.ShouldBe(NotificationDomain.Sps);
        n.Type.ShouldBe(NotificationType.Corrigendum);
        n.ParentSymbol.ShouldBe("G/SPS/N/KEN/5");
        n.Language.ShouldBe("en");
    }

    [Fact]
    public void NationalLinesAreReadAsTheirSubheading()
    {
        var result = Read(Records(Record("G/TBT/N/USA/2", ("hsCodes", "[\"0901.21.0020\", \"09\"]"))), json: true);

        result.Notifications.ShouldHaveSingleItem().HsCodes.ShouldBe("09 090121");
    }

    public static TheoryData<string, int, string?, string> BadJson => new()
    {
        // Record 2 of 3 (or 3 of 3) is wrong; the others are fine, and nothing is read.
        { Records(Record("G/TBT/N/USA/1"), Record("G/TBT/N/USA/2", ("notifyingMember", "\"Atlantis\"")), Record("G/TBT/N/USA/3")), 2, "notifyingMember", "Atlantis" },
        { Records(Record("G/TBT/N/USA/1"), Record("G/TBT/N/USA/2", ("distributionDate", "\"02/11/2026\"")), Record("G/TBT/N/USA/3")), 2, "distributionDate", "02/11/2026" },
        { Records(Record("G/TBT/N/USA/1"), Record("G/TBT/N/USA/2", ("distributionDate", "\"2026-02-30\"")), Record("G/TBT/N/USA/3")), 2, "distributionDate", "2026-02-30" },
        { Records(Record("G/TBT/N/USA/1"), Record("G/TBT/N/USA/2", ("commentDeadlineDate", "\"2026-10-01\"")), Record("G/TBT/N/USA/3")), 2, "commentDeadlineDate", "before the distribution date" },
        { Records(Record("G/TBT/N/USA/1"), Record("G/TBT/N/USA/2", ("hsCodes", "[\"09A1\"]")), Record("G/TBT/N/USA/3")), 2, "hsCodes", "09A1" },
        { Records(Record("G/TBT/N/USA/1"), Record("G/TBT/N/USA/2", ("hsCodes", "[\"09012\"]")), Record("G/TBT/N/USA/3")), 2, "hsCodes", "09012" },
        { Records(Record("G/TBT/N/USA/1"), Record("G/TBT/N/USA/2", ("hsCodes", "[{\"code\": \"999999\"}]")), Record("G/TBT/N/USA/3")), 2, "hsCodes", "999999 is not an HS 2022 or HS 2017 code" },
        { Records(Record("G/TBT/N/USA/1"), Record("G/TBT/N/USA/2"), Record("g/tbt/n/usa/1")), 3, "documentSymbol", "G/TBT/N/USA/1 appears twice in the file (first at 1)" },
        { Records(Record("G/TBT/N/USA/1"), Record("G/TBT/N/USA/2", ("area", "\"SPS\"")), Record("G/TBT/N/USA/3")), 2, "area", "does not agree with the symbol" },
        { Records(Record("G/TBT/N/USA/1"), Record("G/TBT/N/USA/2", ("area", "\"ADP\"")), Record("G/TBT/N/USA/3")), 2, "area", "Must be SPS or TBT" },
        { Records(Record("G/TBT/N/USA/1"), Record("G/TBT/N/USA/2", ("notifiedDocumentLink", "[\"ftp://example.org/a.pdf\"]")), Record("G/TBT/N/USA/3")), 2, "notifiedDocumentLink", "ftp://example.org/a.pdf" },
        { Records(Record("G/TBT/N/USA/1"), Record("G/TBT/N/USA/2", ("notifiedDocumentLink", "\"javascript:alert(1)\"")), Record("G/TBT/N/USA/3")), 2, "notifiedDocumentLink", "not an http or https address" },
        { Records(Record("G/TBT/N/USA/1"), Record("G/TBT/N/USA/2", ("icsCodes", "[\"67-140\"]")), Record("G/TBT/N/USA/3")), 2, "icsCodes", "67-140" },
        { Records(Record("G/TBT/N/USA/1"), Record("G/TBT/N/USA/2", ("language", "\"de\"")), Record("G/TBT/N/USA/3")), 2, "language", "\"de\"" },
        { Records(Record("G/TBT/N/USA/1"), Record("G/TBT/N/USA/2", ("notificationType", "\"Urgent\"")), Record("G/TBT/N/USA/3")), 2, "notificationType", "Urgent" },
        { Records(Record("G/TBT/N/USA/1"), Record("G/TBT/N/USA/2", ("isOpenForComments", "\"maybe\"")), Record("G/TBT/N/USA/3")), 2, "isOpenForComments", "true or false" },
        { Records(Record("G/TBT/N/USA/1"), Record("G/TBT/N/USA/2", ("title", "{\"en\": \"nested\"}")), Record("G/TBT/N/USA/3")), 2, "title", "Must be a string" },
        { Records(Record("G/TBT/N/USA/1"), Record("G/TBT/N/USA/2", ("title", "null")), Record("G/TBT/N/USA/3")), 2, "title", "Required" },
        { Records(Record("G/TBT/N/USA/1"), Record("G/TBT/N/USA/2", ("documentSymbol", "\"G/XYZ/N/USA/2\"")), Record("G/TBT/N/USA/3")), 2, "documentSymbol", "G/XYZ/N/USA/2" },
        { Records(Record("G/TBT/N/USA/1"), "42", Record("G/TBT/N/USA/3")), 2, null, "must be a JSON object" },
        { Records(Record("G/TBT/N/USA/1"), Record("G/TBT/N/USA/2"), Record("G/TBT/N/USA/3", ("notifyingMember", "\"QQQ\""))), 3, "notifyingMember", "QQQ" },
    };

    [Theory]
    [MemberData(nameof(BadJson))]
    public void AJsonRecordWithAProblemIsReportedByNumberAndNothingIsRead(string json, int record, string? field, string problem)
    {
        var result = Read(json, json: true);

        result.Notifications.ShouldBeEmpty();
        result.Problems.ShouldContain(p => p.Line == record && p.Field == field && p.Problem.Contains(problem, StringComparison.Ordinal),
            string.Join("\n", result.Problems));
        result.Problems.ShouldAllBe(p => p.Line == record, "only the bad record is reported");
    }

    [Fact]
    public void MalformedJsonIsReportedWithItsLine()
    {
        var json = "[\n" + Record("G/TBT/N/USA/1") + ",\n{\"documentSymbol\": \"G/TBT/N/USA/2\", \"title\": }\n]";

        var result = Read(json, json: true);

        result.Notifications.ShouldBeEmpty();
        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Line.ShouldBe(3);
        problem.Problem.ShouldStartWith("Not valid JSON");
    }

    [Theory]
    [InlineData("{\"documentSymbol\": \"G/TBT/N/USA/1\"}", "must be an array of notifications")]
    [InlineData("{\"items\": 5}", "must be an array of notifications")]
    [InlineData("[]", "The file has no notifications")]
    [InlineData("", "The file is empty")]
    public void AJsonDocumentWithoutNotificationsIsRefused(string json, string problem)
    {
        var result = Read(json, json: true);

        result.Notifications.ShouldBeEmpty();
        result.Problems.ShouldHaveSingleItem().Problem.ShouldContain(problem);
    }

    const string CsvHeader = "documentSymbol,area,notifyingMember,distributionDate,title,hsCodes,notifiedDocumentLink";

    public static TheoryData<string, int, string?, string> BadCsv => new()
    {
        { CsvHeader + "\nG/TBT/N/USA/1,TBT,USA,2026-11-02,Fine,0901,\nG/TBT/N/USA/2,TBT,Atlantis,2026-11-02,Unknown member,0901,\n", 3, "notifyingMember", "Atlantis" },
        { CsvHeader + "\nG/TBT/N/USA/1,TBT,USA,2026-11-02,Fine,0901,\nG/TBT/N/USA/2,TBT,USA,2 Nov 2026,Bad date,0901,\n", 3, "distributionDate", "2 Nov 2026" },
        { CsvHeader + "\nG/TBT/N/USA/1,TBT,USA,2026-11-02,Fine,0901,\nG/TBT/N/USA/2,TBT,USA,2026-11-02,Bad code,0901;12x,\n", 3, "hsCodes", "12x" },
        { CsvHeader + "\nG/TBT/N/USA/1,TBT,USA,2026-11-02,Fine,0901,\nG/TBT/N/USA/2,TBT,USA,2026-11-02,Unknown code,999999,\n", 3, "hsCodes", "999999" },
        { CsvHeader + "\nG/TBT/N/USA/1,TBT,USA,2026-11-02,Fine,0901,\nG/TBT/N/USA/1,TBT,USA,2026-11-02,Again,0901,\n", 3, "documentSymbol", "first at 2" },
        { CsvHeader + "\nG/TBT/N/USA/1,TBT,USA,2026-11-02,Fine,0901,\nG/TBT/N/USA/2,SPS,USA,2026-11-02,Wrong area,0901,\n", 3, "area", "does not agree" },
        { CsvHeader + "\nG/TBT/N/USA/1,TBT,USA,2026-11-02,Fine,0901,\nG/TBT/N/USA/2,TBT,USA,2026-11-02,Link,0901,https://example.org/a.pdf;mailto:x@example.org\n", 3, "notifiedDocumentLink", "mailto:x@example.org" },
        { CsvHeader + "\nG/TBT/N/USA/1,TBT,USA,2026-11-02,Fine,0901,\nG/TBT/N/USA/2,TBT,USA,2026-11-02,Short row\n", 3, null, "The row has 5 fields" },
        { CsvHeader + "\nG/TBT/N/USA/1,TBT,USA,2026-11-02,\"Fine,\nover two lines\",0901,\nG/TBT/N/USA/2,TBT,USA,2026-11-02,After a quoted line break,0901,ftp://example.org\n", 4, "notifiedDocumentLink", "ftp://example.org" },
        { CsvHeader + ",comments\nG/TBT/N/USA/1,TBT,USA,2026-11-02,Fine,0901,,hello\n", 1, null, "Unknown columns: comments" },
        { "area,notifyingMember,distributionDate,title\nTBT,USA,2026-11-02,No symbol\n", 1, null, "documentSymbol" },
    };

    [Theory]
    [MemberData(nameof(BadCsv))]
    public void ACsvRowWithAProblemIsReportedByLineAndNothingIsRead(string csv, int line, string? field, string problem)
    {
        var result = Read(csv, json: false);

        result.Notifications.ShouldBeEmpty();
        result.Problems.ShouldContain(p => p.Line == line && p.Field == field && p.Problem.Contains(problem, StringComparison.Ordinal),
            string.Join("\n", result.Problems));
    }

    [Fact]
    public void EveryProblemOfEveryRecordIsReported()
    {
        var json = Records(
            Record("G/TBT/N/USA/1", ("notifyingMember", "\"Atlantis\""), ("distributionDate", "\"soon\"")),
            Record("G/TBT/N/USA/2"),
            Record("G/TBT/N/USA/3", ("hsCodes", "[\"99\"]")));

        var result = Read(json, json: true);

        result.Notifications.ShouldBeEmpty();
        result.Problems.Select(p => (p.Line, p.Field)).ShouldBe([(1, "notifyingMember"), (1, "distributionDate"), (3, "hsCodes")], ignoreOrder: true);
        result.Truncated.ShouldBeFalse();
    }

    [Fact]
    public void BytesThatAreNotUtf8AreReportedWithTheirLine()
    {
        var body = Encoding.UTF8.GetBytes(CsvHeader + "\nG/TBT/N/USA/1,TBT,USA,2026-11-02,Caf").Concat(new byte[] { 0xE9, 0x0A }).ToArray();

        var result = NotificationFile.Read(body, json: false, Member, HsCodes);

        result.Notifications.ShouldBeEmpty();
        result.Problems.ShouldHaveSingleItem().Line.ShouldBe(2);
    }
}
