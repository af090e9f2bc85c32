using System.Collections.Generic;

namespace Altostrat.Emulator.Storage;

public sealed record ScriptProgress(IReadOnlyList<string> Completed, IReadOnlyList<string> Failed, IReadOnlyList<string> Pending);
