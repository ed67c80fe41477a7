namespace Foundry.Generated.Catalog.Json;

/// <summary>A 1-based line and column in a text file, plus the 0-based character offset and length it covers.</summary>
public readonly struct TextPosition : System.IEquatable<TextPosition>
{
    public TextPosition(int line, int column, int offset, int length)
    {
        Line = line;
        Column = column;
        Offset = offset;
        Length = length;
    }

    public int Line { get; }
    public int Column { get; }
    public int Offset { get; }
    public int Length { get; }

    public static TextPosition Start => new TextPosition(1, 1, 0, 0);

    public bool Equals(TextPosition other)
        => Line == other.Line && Column == other.Column && Offset == other.Offset && Length == other.Length;

    public override bool Equals(object? obj) => obj is TextPosition p && Equals(p);

    public override int GetHashCode() => (Line * 397) ^ (Column * 31) ^ Offset ^ (Length << 16);

    public override string ToString() => $"({Line},{Column})";
}
