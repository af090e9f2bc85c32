using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using Altostrat.Engine.Text;

namespace Altostrat.Engine.RouterOs.Scripting;

/// <summary>
/// A single-pass recursive-descent parser for RouterOS scripts. It reads every character once (a word at most twice,
/// when it turns out to start the next command), so the time is linear in the script's length; nesting deeper than
/// <see cref="MaxDepth"/> is skipped without recursion so no input can exhaust the stack. It never throws on input:
/// everything wrong becomes a diagnostic and parsing goes on.
/// </summary>
internal sealed class ScriptParser
{
    private const int MaxDepth = 100;
    private const int MaxDiagnostics = 500;
    private const int MaxArgumentText = 200;
    private const int MaxSharedLength = 40;
    // Sharing strings pays across many lines; a script of a line or two (a configuration change, one API command
    // rated as a line) would only pay for the table.
    private const int ShareAbove = 512;
    // RouterOS menus are a few short words deep; a longer "path" is not one, and capping it keeps every
    // statement's copy of its menu small whatever the input.
    private const int MaxMenuDepth = 16;
    private const int MaxMenuWordLength = 64;

    private readonly ScriptCursor _cursor;
    private readonly List<ScriptCommand?> _commands = new();
    private readonly List<ScriptDiagnostic> _diagnostics = new();
    private readonly List<ScriptCommand> _calls = new();
    // Made on the first function a script defines: most scripts, and every single command rated, define none.
    private Dictionary<string, int>? _functions;
    // How many '[', '(' and '{' groups are open around the current position: a closer that belongs to one of them
    // ends the inner group (which is then reported unclosed) instead of being reported as stray.
    private readonly int[] _openGroups = new int[3];
    private int _depth;
    // Relative menu statements so far: a path written alone that none followed was not used as a menu.
    private int _relativeStatements;
    private int _suppressedDiagnostics;
    // Builders in use nest (a string inside a substitution inside a string), so they come from a small pool.
    private readonly Stack<StringBuilder> _builders = new();
    // Null for a short script (see Share and Text).
    private readonly Dictionary<string, string>? _shared;
    private readonly RecentStrings? _recent;
    private List<string>? _lastMenuSegments;
    private string? _lastMenu;

    public ScriptParser(string text)
    {
        _cursor = new ScriptCursor(text);
        if (text.Length > ShareAbove)
        {
            _shared = new Dictionary<string, string>(StringComparer.Ordinal);
            _recent = new RecentStrings(MaxSharedLength);
        }
    }

    /// <summary>Characters the parser consumed; see <see cref="ScriptCursor.Steps"/>.</summary>
    public long Steps => _cursor.Steps;

    public ScriptAnalysis Parse()
    {
        ParseStatements('\0', "/");
        foreach (var call in _calls)
        {
            var name = call.Command.Substring(1);
            if (_functions is not null && _functions.TryGetValue(name, out var line))
            {
                call.Risk = ScriptRisk.Read;
                call.Reason = $"calls the function '{name}' defined at line {line}; the commands inside it are analyzed there";
            }
            else
            {
                call.Risk = ScriptRisk.Change;
                call.Reason = $"calls '{name}', which this script does not define; the analyzer cannot see what it does";
            }
        }
        if (_suppressedDiagnostics > 0)
            _diagnostics.Add(new ScriptDiagnostic(_cursor.Line, _cursor.Column, ScriptDiagnosticSeverity.Warning,
                $"{_suppressedDiagnostics} more problems were found and not listed; fix the ones above first."));
        var commands = new List<ScriptCommand>(_commands.Count);
        foreach (var command in _commands)
            if (command is not null) commands.Add(command);
        return new ScriptAnalysis(commands, _diagnostics);
    }

    // ---- statements ----

    [MethodImpl(HotPath.Optimize)]
    private void ParseStatements(char terminator, string menu)
    {
        var current = menu;
        // A path written alone, until a line relies on it as its menu; one that none does may be an unknown command.
        (int Slot, int Line, int Column, int Start, int End, string Menu, int RelativeBefore)? unused = null;
        while (true)
        {
            SkipSpaces();
            if (_cursor.AtEnd || _cursor.Current == terminator)
            {
                RecordMaybeCommand(unused);
                return;
            }
            var c = _cursor.Current;
            // An absolute path leaves the menu behind: unless a relative line (here, in a block or in a [find]) relied on it, it was none.
            if (c == '/')
            {
                RecordMaybeCommand(unused);
                unused = null;
            }
            switch (c)
            {
                case '\n':
                case ';':
                    _cursor.Advance();
                    break;
                case '#':
                    SkipComment();
                    break;
                case ']':
                case ')':
                case '}':
                    if (ClosesEnclosingGroup(c))
                    {
                        RecordMaybeCommand(unused);
                        return;
                    }
                    break;
                case '{':
                    ParseCodeGroup('{', current);
                    break;
                case ':':
                    ParseScriptingCommand(current);
                    break;
                case '$':
                    ParseFunctionCall(current);
                    break;
                case '"':
                case '[':
                case '(':
                    ReadArguments(current, null, new List<ScriptItem>());
                    break;
                default:
                    current = ParseMenuStatement(current, out var navigation);
                    if (navigation is not null) unused = navigation;
                    break;
            }
        }
    }

    // A path written alone (where it starts and ends, and the menu it names) as a command: its last word the command, rated as any unknown command of its menu, and said so.
    private void RecordMaybeCommand((int Slot, int Line, int Column, int Start, int End, string Menu, int RelativeBefore)? written)
    {
        if (written is not { } navigation || _relativeStatements != navigation.RelativeBefore) return;
        var segments = new List<string>();
        foreach (var part in navigation.Menu.Split('/'))
            if (part.Length > 0) segments.Add(part);
        if (segments.Count == 0) return;
        var verb = segments[segments.Count - 1];
        segments.RemoveAt(segments.Count - 1);
        var menu = segments.Count == 0 ? "/" : "/" + string.Join("/", segments);
        var command = Record(navigation.Slot, navigation.Line, navigation.Column, navigation.Start, menu, verb, new List<ScriptItem>(), navigation.End);
        command.MayBeMenu = true;
        SetRisk(command, RiskRules.ClassifyWritten(menu, verb, command.Arguments, null));
        Warning(navigation.Line, navigation.Column,
            $"'{command.Text}' reads as a change of menu that no later line uses; it is counted as the command '{verb}' of {menu}, in case it is one the analyzer does not know.");
    }

    /// <summary>A menu statement: a path (absolute or relative, either spelling), a command and its arguments, or a path alone, which changes the current menu.</summary>
    [MethodImpl(HotPath.Optimize)]
    private string ParseMenuStatement(string current, out (int Slot, int Line, int Column, int Start, int End, string Menu, int RelativeBefore)? navigation)
    {
        navigation = null;
        var slot = ReserveSlot();
        int line = _cursor.Line, column = _cursor.Column, start = _cursor.Index;
        var absolute = _cursor.Current == '/';
        if (!absolute) _relativeStatements++;
        var segments = absolute ? new List<string>() : SegmentsOf(current);
        string? verb = null;
        var words = 0;
        var arguments = new List<ScriptItem>();
        var endedEarly = false;

        while (verb is null)
        {
            SkipSpaces();
            if (AtStatementEnd() || _cursor.Current is '#' or '"' or '[' or '(' or '{' or '$' or ':') break;
            var mark = _cursor.Save();
            // The menu matters only for a [...] inside the item; one in a path word ends the path anyway.
            var item = ReadItem(current, null, 0);
            if (!item.IsBareWord || item.IsDynamic || !FitsMenu(item.Literal, segments.Count))
            {
                arguments.Add(item);
                break;
            }
            if (words > 0 && item.Literal.StartsWith("/", StringComparison.Ordinal))
            {
                MisplacedCommand(item);
                _cursor.Restore(mark);
                endedEarly = true;
                break;
            }
            words++;
            verb = AddPathWords(item.Literal, segments);
        }
        var menu = JoinMenu(segments);
        if (!endedEarly) ReadArguments(menu, verb, arguments);

        if (verb is null)
        {
            if (arguments.Count == 0)
            {
                if (words == 0 && !absolute) return current;
                navigation = (slot, line, column, start, _cursor.Index, menu, _relativeStatements);
                return menu;
            }
            if (segments.Count == 0 || words == 0) return current;
            verb = segments[segments.Count - 1];
            segments.RemoveAt(segments.Count - 1);
            menu = JoinMenu(segments);
        }
        var command = Record(slot, line, column, start, menu, verb, arguments);
        SetRisk(command, RiskRules.ClassifyWritten(menu, verb, command.Arguments, SelectorOf(slot, command)));
        return current;
    }

    /// <summary>
    /// The conditions of the <c>[find ...]</c> that is the command's first positional argument, parsed already (the
    /// nested commands are recorded after the command's slot, one level deeper); null when that argument is anything
    /// else.
    /// </summary>
    private IReadOnlyList<ScriptArgument>? SelectorOf(int slot, ScriptCommand command)
    {
        ScriptArgument? selector = null;
        foreach (var argument in command.Arguments)
            if (argument.Name is null) { selector = argument; break; }
        if (selector is null || selector.End - selector.Start < 2) return null;
        var text = _cursor.Text;
        if (text[selector.Start] != '[' || text[selector.End - 1] != ']') return null;
        for (var i = slot + 1; i < _commands.Count; i++)
        {
            var nested = _commands[i];
            if (nested is null || nested.Depth != command.Depth + 1 || nested.Start < selector.Start || nested.Start >= selector.End) continue;
            return nested.Command == "find" && nested.Path == command.Path ? nested.Arguments : null;
        }
        return null;
    }

    private void ParseScriptingCommand(string current)
    {
        var slot = ReserveSlot();
        int line = _cursor.Line, column = _cursor.Column, start = _cursor.Index;
        _cursor.Advance();
        var nameStart = _cursor.Index;
        while (!_cursor.AtEnd && (char.IsLetterOrDigit(_cursor.Current) || _cursor.Current == '-')) _cursor.Advance();
        var name = _cursor.Text.Substring(nameStart, _cursor.RawIndex - nameStart);
        var word = Lower(name);
        if (word.Length == 0)
            Error(line, column, "':' must be followed by a scripting command, such as :put, :local or :if.");
        else if (!ScriptVocabulary.ScriptingCommands.Contains(word))
            Warning(line, column, $"':{name}' is not a scripting command the analyzer knows; check the spelling.");

        var keyword = ":" + word;
        var arguments = new List<ScriptItem>();
        ReadArguments(current, keyword, arguments);
        CheckRequiredParts(keyword, arguments, line, column);
        if ((word == "local" || word == "global") && arguments.Count >= 2 && arguments[0].IsBareWord && IsFunctionBody(arguments[1]))
            (_functions ??= new Dictionary<string, int>(StringComparer.Ordinal))[arguments[0].Literal] = line;

        var command = Record(slot, line, column, start, "", keyword, arguments);
        SetRisk(command, ScriptingRisk(word));
    }

    private void ParseFunctionCall(string current)
    {
        var slot = ReserveSlot();
        int line = _cursor.Line, column = _cursor.Column, start = _cursor.Index;
        var head = ReadItem(current, null, 0);
        var arguments = new List<ScriptItem>();
        ReadArguments(current, null, arguments);
        var name = head.IsBareWord ? head.Literal : "$" + ScriptText.OneLine(_cursor.Text, head.Start + 1, head.End, MaxArgumentText);
        _calls.Add(Record(slot, line, column, start, "", name, arguments));
    }

    /// <summary>Reads items until the statement ends; a command word where an argument belongs ends it early, so the parser reads that command next.</summary>
    [MethodImpl(HotPath.Optimize)]
    private void ReadArguments(string menu, string? command, List<ScriptItem> arguments)
    {
        var positional = 0;
        foreach (var argument in arguments)
            if (argument.Name is null) positional++;
        while (true)
        {
            SkipSpaces();
            if (AtStatementEnd()) return;
            if (_cursor.Current == '#')
            {
                SkipComment();
                return;
            }
            var mark = _cursor.Save();
            var item = ReadItem(menu, command, positional);
            if (item.IsBareWord && IsMisplacedCommand(item.Literal))
            {
                MisplacedCommand(item);
                _cursor.Restore(mark);
                return;
            }
            arguments.Add(item);
            if (item.Name is null) positional++;
        }
    }

    // ---- items, strings and groups ----

    [MethodImpl(HotPath.Optimize)]
    private ScriptItem ReadItem(string menu, string? command, int positional)
    {
        var item = new ScriptItem(_cursor.Line, _cursor.Column, _cursor.Index);
        var literal = RentBuilder();
        var bare = true;
        while (!_cursor.AtEnd)
        {
            var c = _cursor.Current;
            if (c is ' ' or '\t' or '\r' or '\n' or ';' or ']' or ')' or '}') break;
            switch (c)
            {
                case '"':
                    bare = false;
                    if (!ReadString(menu, literal)) item.IsDynamic = true;
                    continue;
                case '[':
                    bare = false;
                    item.IsDynamic = true;
                    ParseCodeGroup('[', menu);
                    continue;
                case '(':
                    bare = false;
                    item.IsDynamic = true;
                    ParseExpression(menu);
                    continue;
                case '{':
                    bare = false;
                    item.IsDynamic = true;
                    if (ScriptVocabulary.IsCodeArgument(item.Name) || (command == ":do" && item.Name is null && positional == 0)) ParseCodeGroup('{', menu);
                    else ParseArray(menu);
                    continue;
                case '\\':
                    StrayBackslash();
                    continue;
                case '=' when item.Name is null && bare:
                    if (literal.Length == 0)
                        Error(_cursor.Line, _cursor.Column, "'=' needs an argument name right before it, without spaces: name=value.");
                    item.Name = Text(literal);
                    literal.Clear();
                    bare = false;
                    _cursor.Advance();
                    continue;
                case '$':
                    item.IsDynamic = true;
                    break;
            }
            literal.Append(c);
            _cursor.Advance();
        }
        item.End = _cursor.Index;
        item.Literal = Text(literal);
        item.IsBareWord = bare;
        ReturnBuilder(literal);
        return item;
    }

    /// <summary>
    /// Reads a quoted string and appends its value to <paramref name="value"/>; returns false, having appended nothing,
    /// when it interpolates variables or commands.
    /// </summary>
    [MethodImpl(HotPath.Optimize)]
    private bool ReadString(string menu, StringBuilder value)
    {
        int line = _cursor.Line, column = _cursor.Column;
        _cursor.Advance();
        var start = value.Length;
        var dynamic = false;
        while (true)
        {
            if (_cursor.AtEnd)
            {
                Error(line, column, "This string is never closed; add the closing '\"'.");
                return Finish(value, start, dynamic);
            }
            var c = _cursor.Current;
            if (c == '"')
            {
                _cursor.Advance();
                return Finish(value, start, dynamic);
            }
            if (c == '\\')
            {
                ReadEscape(value);
                continue;
            }
            if (c == '$')
            {
                _cursor.Advance();
                var next = _cursor.Current;
                if (next == '[') { dynamic = true; ParseCodeGroup('[', menu); continue; }
                if (next == '(') { dynamic = true; ParseExpression(menu); continue; }
                if (char.IsLetter(next) || next == '_') dynamic = true;
                value.Append('$');
                continue;
            }
            value.Append(c);
            _cursor.Advance();
        }
    }

    private static bool Finish(StringBuilder value, int start, bool dynamic)
    {
        if (dynamic) value.Length = start;
        return !dynamic;
    }

    /// <summary>
    /// The builder's text. In a long script the same short words recur on every line (find, comment, the list's
    /// name), and a recent one is handed back without making the string again.
    /// </summary>
    private string Text(StringBuilder value) => _recent is null ? value.ToString() : _recent.Get(value);

    private StringBuilder RentBuilder() => _builders.Count > 0 ? _builders.Pop() : new StringBuilder();

    [MethodImpl(HotPath.Optimize)]
    private void ReturnBuilder(StringBuilder builder)
    {
        builder.Clear();
        _builders.Push(builder);
    }

    private void ReadEscape(StringBuilder value)
    {
        int line = _cursor.Line, column = _cursor.Column;
        _cursor.Advance();
        var c = _cursor.Raw;
        switch (c)
        {
            case '\0' when _cursor.RawIndex >= _cursor.Text.Length:
                return;
            case '"': case '\\': case '$': case '?':
                value.Append(c);
                break;
            case 'n': value.Append('\n'); break;
            case 'r': value.Append('\r'); break;
            case 't': value.Append('\t'); break;
            case '_': value.Append(' '); break;
            case 'a': value.Append('\a'); break;
            case 'b': value.Append('\b'); break;
            case 'f': value.Append('\f'); break;
            case 'v': value.Append('\v'); break;
            default:
                var next = _cursor.RawNext;
                if (IsUpperHex(c) && IsUpperHex(next))
                {
                    value.Append((char)(HexValue(c) * 16 + HexValue(next)));
                    _cursor.Advance();
                    break;
                }
                if (Uri.IsHexDigit(c) && Uri.IsHexDigit(next))
                {
                    Error(line, column, $"Hex escapes take capital letters: write '\\{char.ToUpperInvariant(c)}{char.ToUpperInvariant(next)}', not '\\{c}{next}'.");
                    _cursor.Advance();
                    break;
                }
                Error(line, column, $"'\\{c}' is not an escape RouterOS knows. Write '\\\\' for a backslash, '\\\"' for a quote, '\\$' for a dollar sign, or '\\XX' (capital hex) for any character.");
                break;
        }
        _cursor.Advance();
    }

    /// <summary>A <c>{...}</c> block or <c>[...]</c> command substitution: statements, relative to <paramref name="menu"/>.</summary>
    private void ParseCodeGroup(char opener, string menu)
    {
        var closer = opener == '[' ? ']' : '}';
        if (!EnterGroup(opener, closer, out var line, out var column)) return;
        ParseStatements(closer, menu);
        LeaveGroup(opener, closer, line, column);
    }

    /// <summary>A <c>(...)</c> expression: operands and operators, with strings, substitutions and arrays inside.</summary>
    private void ParseExpression(string menu)
    {
        if (!EnterGroup('(', ')', out var line, out var column)) return;
        ParseValues(')', menu);
        LeaveGroup('(', ')', line, column);
    }

    /// <summary>A <c>{...}</c> array value; an element written <c>do={...}</c> is code.</summary>
    private void ParseArray(string menu)
    {
        if (!EnterGroup('{', '}', out var line, out var column)) return;
        ParseValues('}', menu);
        LeaveGroup('{', '}', line, column);
    }

    private void ParseValues(char closer, string menu)
    {
        while (true)
        {
            SkipSpaces();
            if (_cursor.AtEnd) return;
            var c = _cursor.Current;
            if (c == closer) return;
            switch (c)
            {
                case ']':
                case ')':
                case '}':
                    if (ClosesEnclosingGroup(c)) return;
                    break;
                case '"':
                    var discarded = RentBuilder();
                    ReadString(menu, discarded);
                    ReturnBuilder(discarded);
                    break;
                case '[':
                    ParseCodeGroup('[', menu);
                    break;
                case '(':
                    ParseExpression(menu);
                    break;
                case '{':
                    if (FollowsCodeArgumentName(_cursor.Index)) ParseCodeGroup('{', menu);
                    else ParseArray(menu);
                    break;
                case '\\':
                    StrayBackslash();
                    break;
                default:
                    _cursor.Advance();
                    break;
            }
        }
    }

    /// <summary>
    /// At a closing bracket: true when it closes a group around this one (which then ends, reported unclosed by
    /// its opener); otherwise it is reported as stray and skipped.
    /// </summary>
    private bool ClosesEnclosingGroup(char closer)
    {
        if (IsOpen(closer)) return true;
        Error(_cursor.Line, _cursor.Column, $"'{closer}' has no matching '{OpenerOf(closer)}'; remove it or add the '{OpenerOf(closer)}' it closes.");
        _cursor.Advance();
        return false;
    }

    private void StrayBackslash()
    {
        Error(_cursor.Line, _cursor.Column, "A backslash outside a string must be the last character of its line, where it joins the next line.");
        _cursor.Advance();
    }

    private bool EnterGroup(char opener, char closer, out int line, out int column)
    {
        line = _cursor.Line;
        column = _cursor.Column;
        _cursor.Advance();
        if (_depth >= MaxDepth)
        {
            Error(line, column, $"Brackets are nested more than {MaxDepth} levels deep here; the analyzer did not read inside. Simplify the script.");
            SkipNested(opener, closer, line, column);
            return false;
        }
        _depth++;
        _openGroups[GroupIndex(closer)]++;
        return true;
    }

    private void LeaveGroup(char opener, char closer, int line, int column)
    {
        _openGroups[GroupIndex(closer)]--;
        _depth--;
        if (!_cursor.AtEnd && _cursor.Current == closer)
        {
            _cursor.Advance();
            return;
        }
        Error(line, column, $"This '{opener}' is never closed; add the matching '{closer}'.");
    }

    /// <summary>Skips a group without recursion, keeping its own stack of closers, so arbitrarily deep nesting costs no stack.</summary>
    private void SkipNested(char opener, char closer, int line, int column)
    {
        var expected = new Stack<char>();
        expected.Push(closer);
        while (expected.Count > 0)
        {
            if (_cursor.AtEnd)
            {
                Error(line, column, $"This '{opener}' is never closed; add the matching '{closer}'.");
                return;
            }
            var c = _cursor.Current;
            switch (c)
            {
                case '"':
                    _cursor.Advance();
                    while (!_cursor.AtEnd && _cursor.Current != '"')
                    {
                        if (_cursor.Current == '\\') _cursor.Advance();
                        _cursor.Advance();
                    }
                    break;
                case '[': expected.Push(']'); break;
                case '(': expected.Push(')'); break;
                case '{': expected.Push('}'); break;
                case ']':
                case ')':
                case '}':
                    if (expected.Peek() == c) expected.Pop();
                    break;
            }
            _cursor.Advance();
        }
    }

    // ---- helpers ----

    [MethodImpl(HotPath.Optimize)]
    private void SkipSpaces()
    {
        while (!_cursor.AtEnd && _cursor.Current is ' ' or '\t' or '\r' or '\uFEFF') _cursor.Advance();
    }

    private void SkipComment()
    {
        // A backslash does not continue a comment, so this reads raw characters up to the end of the physical line.
        var last = ' ';
        int line = _cursor.Line, column = 0;
        while (_cursor.RawIndex < _cursor.Text.Length && _cursor.Raw != '\n')
        {
            var c = _cursor.Raw;
            if (c is not (' ' or '\t' or '\r'))
            {
                last = c;
                column = _cursor.RawColumn;
            }
            _cursor.Advance();
        }
        if (last == '\\')
            Error(line, column, "A comment cannot be continued with '\\': the next line would be read as a command. Start that line with '#' as well.");
    }

    private bool AtStatementEnd() => _cursor.AtEnd || _cursor.Current is '\n' or ';' or ']' or ')' or '}';

    private static bool IsMisplacedCommand(string word)
    {
        if (word.Length > 1 && word[0] == ':' && ScriptVocabulary.ScriptingCommands.Contains(word.Substring(1))) return true;
        if (word.Length < 2 || word[0] != '/') return false;
        var end = word.IndexOf('/', 1);
        return ScriptVocabulary.TopMenus.Contains(end < 0 ? word.Substring(1) : word.Substring(1, end - 1));
    }

    private void MisplacedCommand(ScriptItem item) =>
        Error(item.Line, item.Column, $"'{item.Literal}' starts a new command where an argument was expected; put it on its own line or after ';'.");

    private void CheckRequiredParts(string keyword, List<ScriptItem> arguments, int line, int column)
    {
        var required = keyword switch
        {
            ":if" or ":while" => DoOnly,
            ":for" => ForParts,
            ":foreach" => ForeachParts,
            _ => Array.Empty<string>(),
        };
        foreach (var name in required)
            if (!HasNamed(arguments, name))
                Error(line, column, $"'{keyword}' needs {name}={(name == "do" ? "{...}" : "...")}, written without spaces around '='.");
        if (keyword is ":if" or ":while" && (arguments.Count == 0 || arguments[0].Name is not null))
            Error(line, column, $"'{keyword}' needs a condition in parentheses before do={{...}}: {keyword} ($x > 1) do={{...}}.");
        if (keyword == ":do" && (arguments.Count == 0 || arguments[0].Name is not null))
            Error(line, column, "':do' needs a block: :do {...} on-error={...} or :do {...} while=(...).");
    }

    private static readonly string[] DoOnly = { "do" };
    private static readonly string[] ForParts = { "from", "to", "do" };
    private static readonly string[] ForeachParts = { "in", "do" };

    private static bool HasNamed(List<ScriptItem> arguments, string name)
    {
        foreach (var argument in arguments)
            if (argument.Name is not null && argument.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private bool IsFunctionBody(ScriptItem value)
    {
        if (ScriptVocabulary.IsCodeArgument(value.Name)) return value.Name!.Equals("do", StringComparison.OrdinalIgnoreCase);
        return value.End - value.Start >= 7 && string.Compare(_cursor.Text, value.Start, "[:parse", 0, 7, StringComparison.OrdinalIgnoreCase) == 0;
    }

    private static (ScriptRisk, string) ScriptingRisk(string word) => word switch
    {
        "execute" => (ScriptRisk.Change, "runs code from a string in the background; the analyzer cannot see that code"),
        "parse" => (ScriptRisk.Change, "turns a string into code that the analyzer cannot see"),
        "if" or "foreach" or "for" or "while" or "do" or "onerror" or "retry" =>
            (ScriptRisk.Read, "controls which commands run; the commands inside are analyzed on their own lines"),
        "local" or "global" or "set" => (ScriptRisk.Read, "sets a script variable; nothing on the router changes"),
        "put" => (ScriptRisk.Read, "prints a value"),
        "log" => (ScriptRisk.Read, "writes a message to the router's log"),
        "delay" => (ScriptRisk.Read, "waits"),
        _ => (ScriptRisk.Read, "a scripting command; by itself it changes nothing on the router"),
    };

    /// <summary>Adds the words of a path (either spelling) to <paramref name="segments"/>; returns the command verb when one is among them.</summary>
    [MethodImpl(HotPath.Optimize)]
    private static string? AddPathWords(string word, List<string> segments)
    {
        for (var start = 0; start < word.Length;)
        {
            var end = word.IndexOf('/', start);
            if (end < 0) end = word.Length;
            var part = start == 0 && end == word.Length ? word : word.Substring(start, end - start);
            start = end + 1;
            if (part.Length == 0) continue;
            if (part == "..")
            {
                if (segments.Count > 0) segments.RemoveAt(segments.Count - 1);
                continue;
            }
            var lower = Lower(part);
            if (ScriptVocabulary.Verbs.Contains(lower)) return lower;
            if (segments.Count == 1 && segments[0] == "log" && ScriptVocabulary.LogTopics.Contains(lower)) return lower;
            segments.Add(lower);
        }
        return null;
    }

    [MethodImpl(HotPath.Optimize)]
    private static bool FitsMenu(string word, int depth)
    {
        // As word.Split('/') would count them, empty parts included, without making them.
        var parts = 1;
        var partStart = 0;
        for (var i = 0; i <= word.Length; i++)
        {
            if (i < word.Length && word[i] != '/') continue;
            if (i - partStart > MaxMenuWordLength) return false;
            if (i < word.Length) parts++;
            partStart = i + 1;
        }
        return depth + parts <= MaxMenuDepth + 1;
    }

    /// <summary>A fresh list of the menu's words; the split is cached, since relative lines repeat one menu.</summary>
    [MethodImpl(HotPath.Optimize)]
    private List<string> SegmentsOf(string menu)
    {
        if (!ReferenceEquals(menu, _lastMenu))
        {
            _lastMenuSegments = new List<string>();
            foreach (var part in menu.Split('/'))
                if (part.Length > 0) _lastMenuSegments.Add(part);
            _lastMenu = menu;
        }
        return new List<string>(_lastMenuSegments!);
    }

    [MethodImpl(HotPath.Optimize)]
    private static string Lower(string text)
    {
        foreach (var c in text)
            if (char.IsUpper(c)) return text.ToLowerInvariant();
        return text;
    }

    [MethodImpl(HotPath.Optimize)]
    private string JoinMenu(List<string> segments)
    {
        if (segments.Count == 0) return "/";
        // Relative lines under one menu: hand back the same string, which also keeps SegmentsOf's cache warm.
        if (_lastMenuSegments is not null && segments.Count == _lastMenuSegments.Count)
        {
            var same = true;
            for (var i = 0; i < segments.Count && same; i++) same = string.Equals(segments[i], _lastMenuSegments[i], StringComparison.Ordinal);
            if (same) return _lastMenu!;
        }
        return "/" + string.Join("/", segments);
    }

    [MethodImpl(HotPath.Optimize)]
    private int ReserveSlot()
    {
        _commands.Add(null);
        return _commands.Count - 1;
    }

    [MethodImpl(HotPath.Optimize)]
    private ScriptCommand Record(int slot, int line, int column, int start, string path, string verb, List<ScriptItem> items, int end = -1)
    {
        var arguments = new ScriptArgument[items.Count];
        // ":local pw "..."": the value a variable named like a password is given is not shown, as a password= is not.
        var secretValue = verb is ":local" or ":global" or ":set" && items.Count >= 2 && items[0].Name is null && items[0].IsBareWord
            && SecretValues.IsSecretVariable(items[0].Literal);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var value = item.IsDynamic ? null : item.Literal.Length <= MaxSharedLength ? Share(item.Literal) : item.Literal;
            arguments[i] = new ScriptArgument(item.Name is null ? null : Share(item.Name), value, _cursor.Text, item.Start, item.End, secret: secretValue && i == 1);
        }
        var command = new ScriptCommand(line, column, path, Share(verb), arguments, _cursor.Text, start, end < 0 ? _cursor.Index : end, _depth);
        _commands[slot] = command;
        return command;
    }

    /// <summary>
    /// One instance per distinct short string in an analysis: the same verbs, names, values and reasons recur on
    /// every line, and an analysis that keeps fewer objects costs the garbage collector far less.
    /// </summary>
    [MethodImpl(HotPath.Optimize)]
    private string Share(string text)
    {
        if (_shared is null) return text;
        if (_shared.TryGetValue(text, out var known)) return known;
        _shared[text] = text;
        return text;
    }

    [MethodImpl(HotPath.Optimize)]
    private void SetRisk(ScriptCommand command, (ScriptRisk Risk, string Reason) verdict)
    {
        command.Risk = verdict.Risk;
        // Reasons quote the script's menu and command words, which may hold control characters.
        command.Reason = Share(TerminalText.Safe(verdict.Reason));
    }

    private bool FollowsCodeArgumentName(int index)
    {
        var text = _cursor.Text;
        if (index == 0 || text[index - 1] != '=') return false;
        var nameEnd = index - 1;
        var nameStart = nameEnd;
        while (nameStart > 0 && (char.IsLetter(text[nameStart - 1]) || text[nameStart - 1] == '-')) nameStart--;
        return ScriptVocabulary.IsCodeArgument(text.Substring(nameStart, nameEnd - nameStart));
    }

    private bool IsOpen(char closer) => _openGroups[GroupIndex(closer)] > 0;

    private static int GroupIndex(char closer) => closer switch
    {
        ']' => 0,
        ')' => 1,
        _ => 2,
    };

    private static char OpenerOf(char closer) => closer switch
    {
        ']' => '[',
        ')' => '(',
        _ => '{',
    };

    private static bool IsUpperHex(char c) => c is >= '0' and <= '9' or >= 'A' and <= 'F';

    private static int HexValue(char c) => c <= '9' ? c - '0' : c - 'A' + 10;

    private void Error(int line, int column, string message) => Report(line, column, ScriptDiagnosticSeverity.Error, message);

    private void Warning(int line, int column, string message) => Report(line, column, ScriptDiagnosticSeverity.Warning, message);

    private void Report(int line, int column, ScriptDiagnosticSeverity severity, string message)
    {
        if (_diagnostics.Count >= MaxDiagnostics)
        {
            _suppressedDiagnostics++;
            return;
        }
        _diagnostics.Add(new ScriptDiagnostic(line, column, severity, TerminalText.Safe(message)));
    }
}
