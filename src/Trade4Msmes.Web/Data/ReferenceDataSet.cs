namespace Trade4Msmes.Web.Data;

// Records which version of a shipped data set is loaded, so a restart loads nothing twice.
public class ReferenceDataSet
{
    public string Name { get; set; } = "";
    public string Fingerprint { get; set; } = "";
    public int RowCount { get; set; }
    public DateTimeOffset LoadedAt { get; set; }
}
