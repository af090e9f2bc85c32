using System.Runtime.CompilerServices;

namespace Altostrat.Engine.RouterOs.Scripting;

/// <summary>
/// Reads script text one character at a time with the physical line and column of each. A backslash that ends a
/// line joins it to the next, whose indentation is dropped (RouterOS exports break long lines, even inside strings,
/// that way), so the parser never sees line joins. <see cref="Raw"/> reads without joining, for escape sequences
/// and comments.
/// </summary>
internal sealed class ScriptCursor
{
    private readonly string _text;
    private int _index;
    private int _line = 1;
    private int _column = 1;

    public ScriptCursor(string text) => _text = text;

    /// <summary>Characters consumed, counting re-reads after <see cref="Restore"/>: what tests use to check that parsing is linear.</summary>
    public long Steps { get; private set; }

    public string Text => _text;

    public bool AtEnd
    {
        get
        {
            SkipLineJoins();
            return _index >= _text.Length;
        }
    }

    /// <summary>The current character after line joins, or '\0' at the end.</summary>
    public char Current
    {
        get
        {
            SkipLineJoins();
            return _index < _text.Length ? _text[_index] : '\0';
        }
    }

    /// <summary>The current character without skipping a line join, or '\0' at the end.</summary>
    public char Raw => _index < _text.Length ? _text[_index] : '\0';

    /// <summary>The character after <see cref="Raw"/>, or '\0'.</summary>
    public char RawNext => _index + 1 < _text.Length ? _text[_index + 1] : '\0';

    public int Line
    {
        get
        {
            SkipLineJoins();
            return _line;
        }
    }

    public int Column
    {
        get
        {
            SkipLineJoins();
            return _column;
        }
    }

    /// <summary>The column of <see cref="Raw"/>.</summary>
    public int RawColumn => _column;

    /// <summary>The index in the text of the current character (after line joins).</summary>
    public int Index
    {
        get
        {
            SkipLineJoins();
            return _index;
        }
    }

    /// <summary>The index without skipping a line join.</summary>
    public int RawIndex => _index;

    /// <summary>Consumes the raw current character.</summary>
    public void Advance()
    {
        if (_index >= _text.Length) return;
        Steps++;
        if (_text[_index] == '\n')
        {
            _line++;
            _column = 1;
        }
        else
        {
            _column++;
        }
        _index++;
    }

    public ScriptPosition Save() => new(_index, _line, _column);

    public void Restore(ScriptPosition position)
    {
        _index = position.Index;
        _line = position.Line;
        _column = position.Column;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SkipLineJoins()
    {
        // Nearly every character is not a backslash: keep that check inline and the rest out of line.
        if (_index < _text.Length && _text[_index] == '\\') SkipLineJoinsAt();
    }

    private void SkipLineJoinsAt()
    {
        while (ScriptText.IsLineJoin(_text, _index))
        {
            while (_text[_index] != '\n')
            {
                _index++;
                Steps++;
            }
            _index++;
            _line++;
            _column = 1;
            while (_index < _text.Length && (_text[_index] == ' ' || _text[_index] == '\t'))
            {
                _index++;
                _column++;
                Steps++;
            }
        }
    }
}
