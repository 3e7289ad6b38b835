import './styles.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { getDssApi } from './api/get-dss-api'
import { App } from './components/app'
import { appStore } from './store/app-store'
import { startSubscriptions } from './store/subscriptions'

startSubscriptions(appStore, getDssApi())

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element.')

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
