using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Trade4Msmes.Web.Importing;

public static class Csv
{
    static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        TrimOptions = TrimOptions.Trim,
        MissingFieldFound = null,
    };

    // Rows as header-keyed dictionaries: the shipped files are small and their columns many.
    public static List<Dictionary<string, string>> ReadRows(string shippedFile)
    {
        using var reader = ShippedData.OpenText(shippedFile);
        return ReadRows(reader);
    }

    public static List<Dictionary<string, string>> ReadRows(TextReader reader)
    {
        using var csv = new CsvReader(reader, Configuration);
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            var row = new Dictionary<string, string>(header.Length, StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                row[header[i]] = csv.GetField(i) ?? "";
            }
            rows.Add(row);
        }
        return rows;
    }

    public static string? NullIfEmpty(this string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static DateOnly? IsoDate(this string value) =>
        DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
}
