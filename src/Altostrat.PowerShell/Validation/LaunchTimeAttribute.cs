using System;
using System.Management.Automation;

namespace Altostrat.PowerShell.Validation;

/// <summary>
/// Lets -LaunchAt take a DateTimeOffset as well as a DateTime: the scheduled scripts the module emits carry their
/// LaunchAt as one, and moving a script later (-LaunchAt $s.LaunchAt.AddHours(1)) must work as written. The moment
/// is kept exactly, as a UTC DateTime.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class LaunchTimeAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        return value is DateTimeOffset moment ? moment.UtcDateTime : inputData;
    }
}
