// Each app under test prints its first-start setup link; keep such console output with the test that caused it.
[assembly: CaptureConsole]
