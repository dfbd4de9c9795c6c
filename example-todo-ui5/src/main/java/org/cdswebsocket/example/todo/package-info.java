/**
 * The todo demo: a CAP Java app whose TodoService entity is changed over Socket.IO by an OpenUI5
 * page, with live updates for every other open page.
 */
package org.cdswebsocket.example.todo;
