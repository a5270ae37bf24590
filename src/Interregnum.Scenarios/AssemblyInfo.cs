namespace Interregnum.Scenarios;
