@echo off
rem The Chart Sync command line shipped inside the desktop app: runs out\main\cli.js from the app's archive
rem with "Chart Sync.exe" acting as Node.js (ELECTRON_RUN_AS_NODE=1). electron-builder puts this file in
rem <install folder>\resources\bin: add that folder to the PATH to type chart-sync anywhere.
setlocal
set ELECTRON_RUN_AS_NODE=1
"%~dp0..\..\Chart Sync.exe" "%~dp0..\app.asar\out\main\cli.js" %*
exit /b %ERRORLEVEL%
