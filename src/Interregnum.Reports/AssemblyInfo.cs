namespace Interregnum.Reports;
