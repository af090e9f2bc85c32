using System.Text;

namespace Altostrat.Engine.RouterOs.Scripting;

/// <summary>
/// A text with some of its spans replaced by <see cref="SecretValues.Mask"/>, built only once a first span is masked:
/// most text has no secret, and comes back as the same instance.
/// </summary>
internal struct MaskedText
{
    private readonly string _text;
    private StringBuilder? _masked;
    private int _copied;

    public MaskedText(string text)
    {
        _text = text;
        _masked = null;
        _copied = 0;
    }

    /// <summary>Replaces the characters from <paramref name="start"/> to <paramref name="end"/>; spans come in order and do not overlap.</summary>
    public void Mask(int start, int end)
    {
        _masked ??= new StringBuilder(_text.Length);
        _masked.Append(_text, _copied, start - _copied).Append(SecretValues.Mask);
        _copied = end;
    }

    public override string ToString() => _masked is null ? _text : _masked.Append(_text, _copied, _text.Length - _copied).ToString();
}
